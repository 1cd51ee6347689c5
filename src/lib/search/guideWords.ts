/**
 * Whether a search that found no key may be a question the guide pages answer: about KMS
 * hosts ("host", "hosts", "csvlk" as words of their own, not "localhost") or about converting
 * an edition ("pro to enterprise", "evaluation", "ServerDatacenterEval"). Its own module, so
 * the search box tests these without loading the readers (kmsHosts/hostQuestion.ts,
 * conversions/conversionQuestion.ts), which come only then.
 */
export const HOST_WORD = /\b(?:hosts?|csvlks?)\b/i;

export const CONVERSION_WORD = /\b(?:to|eval\w*|convert\w*|conversion|upgrade\w*|server[a-z]+)\b/i;
