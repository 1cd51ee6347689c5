/**
 * `tsx tests/helpers/serve.ts <port> <base>=<dir> …`: serves built sites the way a static
 * host would (see staticServer.ts), until stopped. Playwright's webServer runs it.
 */
import { serveStatic } from "./staticServer";

const [port, ...mounts] = process.argv.slice(2);
if (!port || mounts.length === 0) {
  console.error("usage: serve.ts <port> <base>=<dir> …");
  process.exit(2);
}
const server = await serveStatic(
  mounts.map((mount) => {
    const [base = "/", dir = "dist"] = mount.split("=");
    return { base, dir };
  }),
  Number(port),
);
console.log(`serving ${mounts.join(", ")} at ${server.url}`);
