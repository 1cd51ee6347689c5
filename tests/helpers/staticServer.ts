/**
 * A plain static file server, as a CDN or static host would serve dist/: each site folder
 * mounted under its base path, the headers of its `_headers` file applied (the format
 * Netlify and Cloudflare Pages read), gzip when asked for, and the site's 404.html for
 * anything missing. Tests and benchmarks use it instead of `astro preview`, so they see
 * exactly what a host would send.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

export interface Mount {
  /** URL prefix, with slashes: "/" or "/kms/". */
  base: string;
  /** Folder holding the built site. */
  dir: string;
  /** Headers of `_headers` not to send (lower case); see tests/bench/pages.ts for why. */
  omitHeaders?: string[] | undefined;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

/** `_headers` rules: a path pattern (`/*` style) and the headers it adds. */
function readHeaderRules(dir: string): { pattern: RegExp; headers: [string, string][] }[] {
  const file = join(dir, "_headers");
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replaceAll("*", ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const colon = line.indexOf(":");
      rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

export function serveStatic(
  mounts: Mount[],
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const sites = mounts
    .map((mount) => ({
      ...mount,
      rules: readHeaderRules(mount.dir).map(({ pattern, headers }) => ({
        pattern,
        headers: headers.filter(([name]) => !mount.omitHeaders?.includes(name.toLowerCase())),
      })),
    }))
    .sort((a, b) => b.base.length - a.base.length); // longest base first

  const compressed = new Map<string, Buffer>();
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const site = sites.find(({ base }) => path.startsWith(base) || `${path}/` === base);
    if (!site) return send(response, 404, "text/plain; charset=utf-8", "Not found");
    const relative = normalize(path.slice(site.base.length - 1)).replace(/^(\.\.[/\\])+/, "");
    let file = join(site.dir, relative);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        response.writeHead(301, { Location: `${path}/` });
        return response.end();
      }
      file = join(file, "index.html");
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(site.dir, "404.html");
      if (!existsSync(file)) return send(response, 404, "text/plain; charset=utf-8", "Not found");
    }
    const sitePath = `/${relative.replace(/^[/\\]+/, "")}`;
    for (const rule of site.rules) {
      if (rule.pattern.test(sitePath))
        for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    response.setHeader("Content-Type", type);
    const gzip =
      COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (gzip) response.setHeader("Content-Encoding", "gzip");
    const { size, mtimeMs } = statSync(file);
    // Compressed once and kept, as a CDN would: compression time is not the site's cost.
    // Kept per version of the file, so a rebuild under a running server is served as built.
    const cacheKey = `${file}\0${mtimeMs}`;
    let body = gzip ? compressed.get(cacheKey) : undefined;
    if (gzip && !body)
      compressed.set(cacheKey, (body = gzipSync(readFileSync(file), { level: 9 })));
    // The length on the wire, which benchmarks read to count what a page downloads.
    response.setHeader("Content-Length", body?.length ?? size);
    response.writeHead(status);
    if (request.method === "HEAD") return response.end();
    if (!body) return void createReadStream(file).pipe(response);
    response.end(body);
  };

  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        // Open keep-alive connections are cut too: a test that stops its server to go offline
        // must not wait for the browser to let them go.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { "Content-Type": type });
  response.end(body);
}
