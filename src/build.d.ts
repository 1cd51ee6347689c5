/** This build (src/integrations/buildInfo.ts), defined by astro.config.mjs for pages and the service worker. */
declare const __KMS_BUILD__: import("./integrations/buildInfo").BuildInfo;
