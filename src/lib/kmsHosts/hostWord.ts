/**
 * Whether a search is a question about KMS hosts: a word of its own ("host", "hosts",
 * "csvlk"), not part of one ("localhost", "ghost"). Its own module so that the search box
 * tests it without loading the reader (hostQuestion.ts).
 */
export const HOST_WORD = /\b(?:hosts?|csvlks?)\b/i;
