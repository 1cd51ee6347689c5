/**
 * The activation helper's logic: reading a KMS host as typed, and the commands to run.
 * Plain TypeScript, shared by the /activate/ page and the unit tests.
 */
import { installCommand } from "./slmgr";

/** KMS's well-known TCP port: what slmgr uses when no port is given. */
export const DEFAULT_KMS_PORT = 1688;

export type HostReading =
  | {
      ok: true;
      kind: "name" | "ipv4" | "ipv6";
      host: string;
      port?: number | undefined;
      skms: string;
    }
  | { ok: false; message: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A KMS host as an administrator may type it: a DNS name, an IPv4 address or an IPv6
 * address, each with an optional port (`kms.example.org:1688`, `10.0.0.5:1688`,
 * `[2001:db8::5]:1688`). `skms` is the argument for `slmgr /skms`.
 */
export function readKmsHost(input: string): HostReading {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Enter the KMS host's name or address." };
  if (/\s/.test(text))
    return { ok: false, message: "A host name or address cannot contain spaces." };

  const bracketed = /^\[([^\]]+)\](?::(\d*))?$/.exec(text);
  if (bracketed) return ipv6(bracketed[1] ?? "", bracketed[2]);
  if ((text.match(/:/g) ?? []).length > 1) return ipv6(text, undefined);

  const [host = "", portText, ...rest] = text.split(":");
  if (rest.length > 0) return { ok: false, message: "Use one colon, before the port." };
  const port = readPort(portText);
  if (typeof port === "string") return { ok: false, message: port };
  const skms = port === undefined ? host : `${host}:${port}`;
  if (/^[\d.]+$/.test(host)) {
    return IPV4.test(host)
      ? { ok: true, kind: "ipv4", host, port, skms }
      : {
          ok: false,
          message: `"${host}" is not an IPv4 address: four numbers from 0 to 255, separated by dots.`,
        };
  }
  const name = host.replace(/\.$/, "");
  if (name.length > 253 || !name.split(".").every((label) => LABEL.test(label))) {
    return {
      ok: false,
      message: `"${host}" is not a host name: use letters, digits and hyphens, in dot-separated parts that do not start or end with a hyphen.`,
    };
  }
  return {
    ok: true,
    kind: "name",
    host: name,
    port,
    skms: port === undefined ? name : `${name}:${port}`,
  };
}

/** IPv6 goes in brackets for slmgr, always with a port: the default one when none is given. */
function ipv6(address: string, portText: string | undefined): HostReading {
  const port = readPort(portText);
  if (typeof port === "string") return { ok: false, message: port };
  let normalised: string;
  try {
    // The platform's URL parser knows every IPv6 spelling; anything it rejects is not one.
    normalised = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return { ok: false, message: `"${address}" is not an IPv6 address.` };
  }
  return {
    ok: true,
    kind: "ipv6",
    host: normalised,
    port,
    skms: `[${normalised}]:${port ?? DEFAULT_KMS_PORT}`,
  };
}

/** A port from 1 to 65535, nothing when absent, or the reason it cannot be one. */
function readPort(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text)) return "The port must be a number from 1 to 65535.";
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : "The port must be a number from 1 to 65535.";
}

/** The commands for an elevated prompt: install the key, point at the host if given, activate, verify. */
export function activationCommands(key: string, host?: HostReading & { ok: true }): string[] {
  return [
    installCommand(key),
    ...(host ? [`slmgr /skms ${host.skms}`] : []),
    "slmgr /ato",
    "slmgr /dlv",
  ];
}
