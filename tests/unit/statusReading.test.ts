/**
 * Reading a pasted status (src/lib/status/): Microsoft's published samples, this project's own
 * set (tests/fixtures/status/: every channel, status and host source, Office, AVMA, other
 * languages, hostile input), the guide's numbers, and properties over arbitrary pastes.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedLine, methodById } from "../../src/lib/activation/methods";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import {
  adviseReading,
  editionWords,
  KMS_THRESHOLDS,
  NOTHING_READ,
  type ReadingAdvice,
} from "../../src/lib/status/statusAdvice";
import { MAX_STATUS_INPUT, readStatus } from "../../src/lib/status/statusReading";
import { readFamilies } from "../helpers/content";
import { readErrorContent } from "../helpers/errorFixtures";
import { microsoftSamples, ownSample, ownSampleNames } from "../helpers/statusSamples";

const records = keyRecords(
  readFamilies().map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family })),
);
const known = new Map(readErrorContent().map(({ data }) => [data.code, data.message]));
const fixture = ownSample;
const read = (text: string) => readStatus(text, records);
const advise = (text: string): ReadingAdvice => adviseReading(read(text), records, known);
/** Every finding of a reading as "topic: text", to compare with what Microsoft's pages say. */
const lines = (advice: ReadingAdvice) =>
  advice.products.flatMap((product) => product.findings.map((f) => `${f.topic}: ${f.text}`));

describe("the site's keys", () => {
  it("end in distinct groups, so a partial product key names at most one key", () => {
    const lastGroups = records.map((record) => record.key.slice(-5));
    expect(records.length).toBeGreaterThanOrEqual(146);
    expect(new Set(lastGroups).size).toBe(records.length);
  });
});

describe("Microsoft's samples (status-output-samples.md)", () => {
  it("the Windows 7 KMS client in notification: its key, channel, status and code", () => {
    const [dlv = ""] = microsoftSamples();
    const [product] = read(dlv).products;
    expect(product).toMatchObject({
      name: "Windows(R) 7, Enterprise edition",
      channel: "VOLUME_KMSCLIENT",
      partialKey: "HVTHH",
      status: { kind: "notification", text: "Notification" },
      codes: ["0xC004F200"],
    });
    expect(product?.listed?.key).toBe("33PXH-7Y6KF-2VJC9-XBBR8-HVTHH");
    const advice = advise(dlv);
    expect(advice.products).toHaveLength(1);
    expect(advice.products[0]?.title).toBe("KMS client key of Windows 7 Enterprise");
    expect(lines(advice)).toContain(
      "Error code: 0xC004F200: not on Microsoft's list of activation error codes.",
    );
    expect(advice.products[0]?.commands).toEqual(["slmgr /ato", "slmgr /dlv"]);
  });

  it("its /ato: the error message printed without a code, under the product's name", () => {
    const [, ato = ""] = microsoftSamples();
    const [product] = read(ato).products;
    expect(product?.name).toBe("Windows(R) 7, Enterprise edition");
    expect(product?.messages).toEqual([
      "Windows is running within the non-genuine notification period. Run 'slui.exe' to go online and validate Windows.",
    ]);
    expect(advise(ato).products[0]?.notRead).toEqual([
      "the installed key",
      "the channel",
      "the licence status",
    ]);
  });

  it("the Office KMS host: a KMS host, licensed, its count against Office's threshold", () => {
    const [, , host = ""] = microsoftSamples();
    const [product] = read(host).products;
    expect(product).toMatchObject({
      channel: "VOLUME_KMS",
      partialKey: "KDQ2G",
      status: { kind: "licensed" },
      kmsHost: { count: 0, port: "1688" },
      applicationId: "0ff1ce16-a989-479d-af46-f275c6370663",
    });
    expect(product?.listed).toBeUndefined();
    const advice = advise(host);
    expect(lines(advice)).toEqual([
      "Installed key: Ends in KDQ2G, and no key on this site does: it is not one of the client keys Microsoft publishes.",
      "Channel: VOLUME_KMS: this machine is a KMS host.",
      "Licence status: Licensed: activated.",
      "KMS host count: Current count 0. Office KMS clients activate at a count of 5 or more for Office, and the count goes no higher than 10. A count of 0: the service was activated recently, or no valid client has asked.",
      "KMS host port: Listening on TCP port 1688 (the default): it must be open between the KMS clients and this host.",
    ]);
    expect(advice.products[0]?.findings.find((f) => f.topic === "KMS host count")?.tone).toBe(
      "warn",
    );
    expect(advice.products[0]?.commands).toEqual([]);
  });

  it("the retail /dli: not a KMS client, the edition's words for the search", () => {
    const [, , , retail = ""] = microsoftSamples();
    const advice = advise(retail);
    const channel = advice.products[0]?.findings.find((f) => f.topic === "Channel");
    expect(channel?.text).toBe(
      "RETAIL: not a KMS client. To make it one, install its edition's KMS client key (GVLK) in place of this key.",
    );
    expect(channel?.link).toEqual({
      kind: "search",
      words: "Windows Professional",
      text: "Search for “Windows Professional”",
    });
    expect(advice.products[0]?.commands).toEqual([]);
    expect(advice.products[0]?.notRead).toEqual(["the licence status"]);
  });
});

describe("the guide's numbers", () => {
  it("are the ones the KMS troubleshooting guide and the Office KMS host page give", () => {
    const guide = readFileSync(
      new URL("../fixtures/activation-troubleshoot-kms-general.2025-08-13.md", import.meta.url),
      "utf8",
    );
    const office = readFileSync(
      new URL("../fixtures/office-configure-kms-host.2024-09-18.md", import.meta.url),
      "utf8",
    );
    const windows = KMS_THRESHOLDS["55c92734-d682-4d71-983e-d6ec3f16059f"];
    expect(windows?.thresholds.map((t) => t.count)).toEqual([5, 25]);
    expect(guide).toContain("requires a count of **25** or higher");
    expect(guide).toContain("the threshold for Windows Server editions is **5**");
    expect(guide).toContain("either **50** or 2 x 25");
    expect(guide).toContain("the maximum count on the KMS host is **10**");
    expect(KMS_THRESHOLDS["0ff1ce16-a989-479d-af46-f275c6370663"]?.thresholds).toEqual([
      { who: "Office", count: 5 },
    ]);
    expect(office).toContain("The current count must be 5 or more");
    expect(office).toContain("double the activation threshold, or 10");
    // Both Application IDs are the ones Microsoft's samples print.
    expect(microsoftSamples().join("\n")).toContain(
      "Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f",
    );
    expect(microsoftSamples().join("\n")).toContain(
      "Application ID: 0ff1ce16-a989-479d-af46-f275c6370663",
    );
  });

  it("a count is judged against the product's thresholds, or every product's when unknown", () => {
    const host = (count: number, app = "55c92734-d682-4d71-983e-d6ec3f16059f") =>
      advise(
        `Description: x, VOLUME_KMS channel\nApplication ID: ${app}\nCurrent count: ${count}`,
      ).products[0]?.findings.find((f) => f.topic === "KMS host count");
    expect(host(4)?.tone).toBe("warn");
    expect(host(5)?.tone).toBe("info");
    expect(host(24)?.tone).toBe("info");
    expect(host(25)?.tone).toBe("ok");
    expect(host(1)?.text).toContain("they share a Client Machine ID (CMID)");
    expect(host(2)?.text).not.toContain("CMID");
    expect(host(5, "0ff1ce16-a989-479d-af46-f275c6370663")?.tone).toBe("ok");
    const unknown = host(7, "");
    expect(unknown?.text).toContain("Windows KMS clients");
    expect(unknown?.text).toContain("Office KMS clients");
  });
});

describe("this project's samples (tests/fixtures/status/)", () => {
  it("a KMS client of Windows Server 2022 Datacenter, licensed, with its registered host", () => {
    const advice = advise(fixture("server-2022-kms-client-licensed.dlv.txt"));
    const [product] = advice.products;
    expect(product?.title).toBe("KMS client key of Windows Server 2022 Datacenter");
    expect(lines(advice)).toContain(
      "Licence status: Licensed: activated. Time left: 259195 minute(s) (179 day(s)).",
    );
    const host = product?.findings.find((f) => f.topic === "KMS host");
    expect(host?.text).toBe("Set on this machine: kms01.contoso.com:1688.");
    expect(host?.link).toEqual({
      kind: "helper",
      path: "windows-server/#windows-server-2022-datacenter",
      host: "kms01.contoso.com:1688",
      text: "Commands for this edition and host",
    });
    // Licensed and no error: nothing to run.
    expect(product?.commands).toEqual([]);
  });

  it("ospp.vbs /dstatusall: one reading per product, with ospp's statuses and codes", () => {
    const reading = read(fixture("office-2021-dstatusall.ospp.txt"));
    expect(reading.products.map((p) => [p.partialKey, p.status?.kind, p.ospp])).toEqual([
      ["6F7TH", "grace", true],
      ["K2HT4", "licensed", true],
      [undefined, "unlicensed", true],
    ]);
    const advice = advise(fixture("office-2021-dstatusall.ospp.txt"));
    expect(advice.products.map((p) => p.title)).toEqual([
      "KMS client key of Office LTSC Professional Plus 2021",
      "KMS client key of Visio LTSC Professional 2021",
    ]);
    expect(advice.unused).toEqual(["Office 21, Office21ProjectPro2021VL_MAK_AE edition"]);
    const [proPlus, visio] = advice.products;
    expect(proPlus?.commands).toEqual(["cscript ospp.vbs /act", "cscript ospp.vbs /dstatus"]);
    expect(visio?.commands).toEqual([]);
    expect(proPlus?.findings.map((f) => f.topic)).toEqual([
      "Installed key",
      "Channel",
      "Licence status",
      "Error code",
      "KMS host",
      "KMS host",
    ]);
    expect(proPlus?.findings[2]?.text).toContain("Time left: 29 days  (42305 minute(s)");
    expect(proPlus?.findings[3]?.link).toEqual({
      kind: "error",
      code: "0xC004F074",
      listed: true,
    });
    expect(proPlus?.findings[4]?.link).toMatchObject({ host: "kms02.contoso.com:1688" });
    expect(proPlus?.findings[5]?.tone).toBe("info"); // a host is set, so DNS is not needed
  });

  it("MAK and OEM channels: not KMS clients, no command", () => {
    for (const [file, channel, words] of [
      ["windows-mak.dli.txt", "VOLUME_MAK", "Windows Enterprise"],
      ["windows-oem.dli.txt", "OEM_DM", "Windows Professional"],
    ] as const) {
      const [product] = advise(fixture(file)).products;
      expect(product?.findings[1]?.text).toMatch(new RegExp(`^${channel}: not a KMS client`));
      expect(product?.findings[1]?.link).toMatchObject({ kind: "search", words });
      expect(product?.commands).toEqual([]);
    }
  });

  it("an AVMA guest: the AVMA key named, no host, only the status line", () => {
    const [product] = advise(fixture("avma-guest.dlv.txt")).products;
    expect(product?.title).toBe("AVMA key of Windows Server 2022 Datacenter");
    expect(product?.findings[1]?.text).toBe(
      "VIRTUAL_MACHINE_ACTIVATION: a channel this reader has no Microsoft description of; nothing is concluded from it.",
    );
    expect(product?.commands).toEqual(["slmgr /dlv"]);
  });

  it("other languages: the partial key, the channel and the codes, whatever the labels", () => {
    const dutch = read(fixture("dutch-retail.dli.txt")).products[0];
    expect(dutch).toMatchObject({
      name: "Windows(R), Professional edition",
      channel: "RETAIL",
      partialKey: "3V66T",
    });
    expect(dutch?.status).toBeUndefined();
    const german = read(fixture("german-kms-client-grace.dlv.txt")).products[0];
    expect(german).toMatchObject({
      channel: "VOLUME_KMSCLIENT",
      partialKey: "VMK7H",
      codes: ["0xC004F056"],
    });
    expect(german?.listed?.names).toEqual(["Windows Server 2022 Standard"]);
    const japanese = read(fixture("japanese-kms-client.dli.txt")).products[0];
    expect(japanese).toMatchObject({ channel: "VOLUME_KMSCLIENT", partialKey: "T83GX" });
    expect(advise(fixture("japanese-kms-client.dli.txt")).products[0]?.notRead).toEqual([
      "the licence status",
    ]);
  });

  it("a Windows KMS host: its count against Windows's thresholds", () => {
    const [product] = advise(fixture("windows-kms-host.dlv.txt")).products;
    expect(product?.findings.find((f) => f.topic === "KMS host count")?.text).toBe(
      "Current count 12. Windows KMS clients activate at a count of 5 or more for Windows Server and 25 or more for Windows client editions, and the count goes no higher than 50 (10 where only Windows Server clients ask).",
    );
    expect(product?.commands).toEqual([]);
  });

  it("no KMS host in DNS and none set: said, with the helper for the edition", () => {
    const [product] = advise(fixture("no-dns-host-grace.dlv.txt")).products;
    const host = product?.findings.find((f) => f.topic === "KMS host");
    expect(host?.tone).toBe("warn");
    expect(host?.text).toContain("No host is set on the machine either");
    expect(host?.link).toEqual({
      kind: "helper",
      path: "windows-11-and-10/#windows-11-enterprise",
      text: "Set a KMS host for this edition",
    });
    expect(product?.findings.find((f) => f.topic === "Licence status")?.text).toContain(
      "kept from reaching the host",
    );
  });

  it("a host the reader refuses is text with the reason, in no link and no command", () => {
    const [product] = advise(fixture("refused-host.dlv.txt")).products;
    const [registered, dns] = product?.findings.filter((f) => f.topic === "KMS host") ?? [];
    expect(registered?.text).toContain("“kms&calc.exe”, which is not a host this site puts");
    expect(registered?.text).toContain("This has “&”");
    expect(registered?.link).toBeUndefined();
    expect(dns?.link).toMatchObject({ host: "kms03.contoso.com:1688" });
    expect(product?.commands.join(" ")).not.toContain("calc");
  });

  it("/ato, /xpr and an error dialog", () => {
    const ato = advise(fixture("ato-error.txt")).products[0];
    expect(ato?.title).toBe("Windows(R), ServerDatacenter edition");
    expect(ato?.findings[0]?.text).toMatch(/^0xC004F074: The Software Protection Service/);
    const xpr = read(fixture("xpr.txt")).products[0];
    expect(xpr?.expiry).toBe("Volume activation will expire 5/28/2027 3:12:45 PM");
    const dialog = advise(fixture("error-dialog.txt"));
    expect(dialog.products).toEqual([]);
    expect(dialog.findings.map((f) => f.text)).toEqual([
      `0xC004C003: ${known.get("0xC004C003") ?? ""}`,
    ]);
    expect(read("Product activated successfully.").products).toEqual([]);
    expect(
      read(
        "Activating Windows(R), Professional edition (ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03) ...\nProduct activated successfully.",
      ).products[0]?.activated,
    ).toBe(true);
  });

  it("hostile input is read as text and changes nothing", () => {
    const reading = read(fixture("hostile.txt"));
    expect(reading.invisible).toBe(true);
    const [product] = reading.products;
    expect(product?.status).toEqual({ kind: "other", text: "<b>Licensed</b>" });
    expect(product?.hosts[0]?.reading.ok).toBe(false);
    expect(Object.keys(product ?? {})).not.toContain("constructor");
    const advice = advise(fixture("hostile.txt"));
    expect(advice.notes).toEqual([
      "Invisible or direction-changing characters in the paste were ignored.",
    ]);
    expect(JSON.stringify(advice)).not.toContain("alert(1)</script>");
  });

  it("every file in the set is read as something", () => {
    for (const file of ownSampleNames()) {
      const advice = advise(fixture(file));
      expect(advice.notes, file).not.toContain(NOTHING_READ);
    }
  });
});

describe("any paste", () => {
  it("nothing recognisable is said so", () => {
    for (const text of ["", "hello", "Name: Bob", "12345", "0x1234", "ABCDE"])
      expect(advise(text).notes).toEqual([NOTHING_READ]);
  });

  it("a paste longer than the limit is read up to it, and says so", () => {
    const sample = microsoftSamples()[0] ?? "";
    const long = `${sample}\n${"x".repeat(MAX_STATUS_INPUT)}`;
    const reading = read(long);
    expect(reading.truncated).toBe(true);
    expect(reading.length).toBe(long.length);
    expect(reading.products[0]?.partialKey).toBe("HVTHH");
    expect(advise(long).notes[0]).toBe(
      `This paste has ${long.length.toLocaleString("en")} characters: the first 1,048,576 were read.`,
    );
    expect(read("x".repeat(MAX_STATUS_INPUT)).truncated).toBe(false);
  });

  it("whole keys in a paste are named, each once", () => {
    const advice = advise(
      "Installed product key WX4NM-KYWYW-QJJR4-XV3QB-6VM33 successfully.\nwx4nm-kywyw-qjjr4-xv3qb-6vm33 and BBBBB-BBBBB-BBBBB-BBBBB-BBBBB",
    );
    expect(advice.findings.map((f) => f.text)).toEqual([
      "WX4NM-KYWYW-QJJR4-XV3QB-6VM33: the KMS client key of Windows Server 2022 Datacenter.",
      "BBBBB-BBBBB-BBBBB-BBBBB-BBBBB: not one of the keys on this site.",
    ]);
  });

  it("finds a partial key line among any other lines, in any language", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 40 }).filter((s) => !/[0-9A-Z]{5}|0x/i.test(s)),
          {
            maxLength: 8,
          },
        ),
        fc.constantFrom(...records),
        // A translated label: any text without a colon or a line break ("Etiket" is no English label).
        fc
          .string({ maxLength: 20 })
          .map((s) => `Etiket ${s.replace(/[:\r\n\u2028\u2029\x85]/g, "")}`),
        (noise, record, label) => {
          const last = record.key.slice(-5);
          const reading = read([...noise, `${label}: ${last}`, ...noise].join("\n"));
          expect(reading.products.map((p) => p.partialKey)).toContain(last);
          const product = reading.products.find((p) => p.partialKey === last);
          expect(product?.listed?.key).toBe(record.key);
        },
      ),
    );
  });

  it("never throws, and every command it gives passes its method's whitelist", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(...records), (junk, record) => {
        const text = `Description: x, VOLUME_KMSCLIENT channel\nPartial Product Key: ${record.key.slice(-5)}\nLicense Status: ${junk}\nRegistered KMS machine name: ${junk}\n${junk}`;
        const advice = advise(text);
        for (const product of advice.products)
          for (const line of product.commands)
            expect(checkedLine(methodById(record.method), line)).toBe(line);
      }),
    );
  });

  it("reads each code once per product, at most 50", () => {
    const codes = Array.from({ length: 60 }, (_, i) => `0xC004F${i.toString(16).padStart(3, "0")}`);
    const reading = read(`${codes.join(" ")} ${codes[0] ?? ""}`);
    expect(reading.codes).toHaveLength(50);
    expect(reading.codes[0]).toBe("0xC004F000");
    expect(read("0xc004f074 0xC004F074").codes).toEqual(["0xC004F074"]);
    expect(read("10xC004F074 0xC004F074a").codes).toEqual([]);
  });
});

describe("editionWords", () => {
  it("turns a Name line into words the search knows", () => {
    expect(editionWords("Windows(R), ServerDatacenter edition")).toBe("Windows Server Datacenter");
    expect(editionWords("Windows(R) 7, Enterprise edition")).toBe("Windows 7 Enterprise");
    expect(editionWords("Office 21, Office21ProPlus2021VL_KMS_Client_AE edition")).toBe(
      "Office Pro Plus 2021",
    );
    expect(editionWords("Office 16, OfficeProPlusVL_MAK edition")).toBe("Office Pro Plus");
    expect(editionWords("Windows(R), Professional edition")).toBe("Windows Professional");
    expect(editionWords("<img src=x>")).toBe("");
  });
});
