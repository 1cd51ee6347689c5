/**
 * Reading a pasted status (src/lib/status/): Microsoft's published samples, this project's own
 * set (tests/fixtures/status/: every channel, status and host source, Office, AVMA, other
 * languages, hostile input), the guide's numbers, and properties over arbitrary pastes.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { methodById } from "../../src/lib/activation/methodList";
import { checkedLine } from "../../src/lib/activation/methods";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import {
  adviseReading,
  editionWords,
  KMS_THRESHOLDS,
  NOTHING_READ,
  type ReadingAdvice,
} from "../../src/lib/status/statusAdvice";
import { MAX_STATUS_INPUT, readStatus, type StatusKey } from "../../src/lib/status/statusReading";
import { readFamilies } from "../helpers/content";
import { readErrorContent } from "../helpers/errorFixtures";
import { microsoftSamples, ownSample, ownSampleNames } from "../helpers/statusSamples";

const records = keyRecords(
  readFamilies().map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family })),
);
const known = new Map(readErrorContent().map(({ data }) => [data.code, data.message]));
const fixture = ownSample;
const read = (text: string) => readStatus(text, records);
/** The codes whose error file says the host reached can't activate the client. */
const hostKeyCodes = new Set(
  readErrorContent()
    .filter(({ data }) => data.hostKeys)
    .map(({ data }) => data.code),
);
const TO_KMS_CLIENT =
  "To make it a KMS client, install its edition's KMS client key (GVLK) in place of this key, where Microsoft publishes one for the edition.";
const advise = (text: string): ReadingAdvice =>
  adviseReading(read(text), records, known, hostKeyCodes);
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
      "Channel: VOLUME_KMS: a KMS host key (CSVLK) is installed: this machine is a KMS host, and activates KMS clients.",
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
    expect(channel?.text).toBe(`RETAIL: a retail key, not a KMS client. ${TO_KMS_CLIENT}`);
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
      expect(product?.findings[1]?.text).toMatch(
        new RegExp(`^${channel}: an? .*, .*${TO_KMS_CLIENT.slice(0, 20)}`),
      );
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
    expect(editionWords("Windows(TM) 7, Ultimate edition")).toBe("Windows 7 Ultimate");
    expect(editionWords("Windows(R) 8.1, Professional edition  ")).toBe("Windows 8.1 Professional");
    expect(editionWords("Windows(R), EnterpriseS edition")).toBe("Windows Enterprise");
    expect(editionWords("Windows(R), EnterpriseN edition")).toBe("Windows Enterprise");
    expect(editionWords("Office16ProPlusVL_KMS_Client edition")).toBe("Office 16 Pro Plus");
    expect(editionWords("Office 19, Office19Standard2019VL_KMS_Client_AE edition")).toBe(
      "Office Standard 2019",
    );
    expect(editionWords("Windows Server 2019 edition")).toBe("Windows Server 2019");
    expect(editionWords("Windows(R), Enterprise edition edition")).toBe(
      "Windows Enterprise edition",
    );
  });
});

/** A reading as plain lines: what the page draws, in order, with each link's target. */
function describe_(advice: ReadingAdvice): string {
  const finding = (f: ReadingAdvice["findings"][number]) =>
    `  [${f.tone}] ${f.topic}: ${f.text}${f.link ? `  → ${JSON.stringify(f.link)}` : ""}`;
  return [
    ...advice.notes.map((note) => `! ${note}`),
    ...advice.products.flatMap((product) => [
      `# ${product.title}`,
      ...product.findings.map(finding),
      ...product.commands.map((line) => `  $ ${line}`),
      ...(product.helperPath === undefined ? [] : [`  helper: ${product.helperPath}`]),
      ...(product.notRead.length === 0
        ? []
        : [`  not in this paste: ${product.notRead.join(", ")}`]),
    ]),
    ...(advice.unused.length === 0 ? [] : [`unused: ${advice.unused.join("; ")}`]),
    ...advice.findings.map(finding),
    "",
  ].join("\n");
}

describe("each sample's whole reading (tests/fixtures/status/readings/, reviewed by hand)", () => {
  it.each(microsoftSamples().map((text, i) => [i + 1, text] as const))(
    "Microsoft's sample %i",
    async (n, text) => {
      await expect(describe_(advise(text))).toMatchFileSnapshot(
        `../fixtures/status/readings/microsoft-${n}.txt`,
      );
    },
  );
  it.each(ownSampleNames())("%s", async (name) => {
    await expect(describe_(advise(ownSample(name)))).toMatchFileSnapshot(
      `../fixtures/status/readings/${name}`,
    );
  });
});

describe("reading line by line", () => {
  const one = (text: string, listed: readonly StatusKey[] = records) =>
    readStatus(text, listed).products[0];

  it("finds the channel among the last words of a labelled line, in any word order", () => {
    const channel = (line: string) => one(`Name: x\n${line}\nPartial Product Key: 6VM33`)?.channel;
    expect(channel("Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel")).toBe(
      "VOLUME_KMSCLIENT",
    );
    expect(channel("Description: Windows(R) Operating System, VOLUME_MAK channel.")).toBe(
      "VOLUME_MAK",
    );
    expect(channel("Description: Système d'exploitation Windows(R), canal RETAIL")).toBe("RETAIL");
    expect(channel("Beschrijving: Windows(R) Operating System, RETAIL-kanaal")).toBe("RETAIL");
    expect(channel("Description: Windows (OEM_DM)")).toBe("OEM_DM");
    expect(channel("Description: RETAIL channel")).toBe("RETAIL");
    expect(channel("VOLUME_KMSCLIENT channel")).toBeUndefined();
    expect(readStatus("Name: x\nVOLUME_KMSCLIENT channel", records).products).toEqual([]);
    expect(channel("Description: Windows (OEM_DM) .")).toBe("OEM_DM");
    expect(channel("Description: a, VOLUME_MAK  channel")).toBe("VOLUME_MAK");
    expect(channel("Description: Office19ProPlus2019VL_KMS_Client_AE edition")).toBeUndefined();
    expect(channel("LICENSE STATUS:  ---OOB_GRACE---")).toBeUndefined();
    expect(channel("Activation Type Configuration: ALL")).toBeUndefined();
  });

  it("starts a product at each channel line, named by the line before it", () => {
    const reading = readStatus(
      "Name: A\nDescription: a, RETAIL channel\nDescription: b, VOLUME_MAK channel\nPartial Product Key: 6VM33",
      records,
    );
    expect(reading.products.map((p) => [p.name, p.channel, p.partialKey])).toEqual([
      ["A", "RETAIL", undefined],
      [undefined, "VOLUME_MAK", "6VM33"],
    ]);
    expect(reading.products.map((p) => p.ospp)).toEqual([false, false]);
    const long = `Name: ${"x".repeat(2_001)}\nDescription: a, RETAIL channel`;
    expect(readStatus(long, records).products.map((p) => p.name)).toEqual([undefined]);
    expect(
      readStatus(`Description: ${"x ".repeat(1_001)}RETAIL channel`, records).products,
    ).toEqual([]);
  });

  it("reads a product's labels only from slmgr's and ospp.vbs's own words", () => {
    const product = one(
      [
        "Partial Product Key: 6vm33",
        "License Status: Licensed.",
        "Current count: 5 clients",
        "Listening on Port: http",
        "Application ID: not-an-id",
        "Registered KMS machine name: ",
        "Some text without a colon",
      ].join("\n"),
    );
    expect(product).toMatchObject({ partialKey: "6VM33", status: { kind: "licensed" } });
    expect(product?.kmsHost).toBeUndefined();
    expect(product?.applicationId).toBeUndefined();
    expect(product?.hosts).toEqual([]);
    const host = one(
      "Partial Product Key: QQQQQ\n   Current count: 12\n   Listening on Port: 1688",
    );
    expect(host?.kmsHost).toEqual({ count: 12, port: "1688" });
    expect(one("Partial Product Key: QQQQQ\nCurrent count: 1a")?.kmsHost).toBeUndefined();
    expect(one("Partial Product Key: QQQQQ\nCurrent count: x5")?.kmsHost).toBeUndefined();
    expect(
      one("Partial Product Key: QQQQQ\nApplication ID: xx55c92734-d682-4d71-983e-d6ec3f16059f")
        ?.applicationId,
    ).toBeUndefined();
    expect(one("Partial Product Key: QQQQQ\nLicense Status : Licensed")?.status?.kind).toBe(
      "licensed",
    );
    expect(one("Listening on Port: QQQQQ")).toBeUndefined();
    expect(readStatus("Fatal error: boom", records).messages).toEqual([]);
    expect(one("License NAME: x\nDescription: a, RETAIL channel")?.ospp).toBe(false);
    expect(one("LICENSE NAME: x\nDescription: a, RETAIL channel")?.ospp).toBe(true);
    expect(one("Partial Product Key: QQQQQ\nListening on Port: 123456")?.kmsHost).toBeUndefined();
    expect(
      one("Partial Product Key: QQQQQ\nApplication ID: 55C92734-D682-4D71-983E-D6EC3F16059F")
        ?.applicationId,
    ).toBe("55c92734-d682-4d71-983e-d6ec3f16059f");
    expect(one("Partial Product Key: QQQQQ\nLicense Status: Notification.")?.status?.kind).toBe(
      "notification",
    );
    expect(
      one(`Partial Product Key: QQQQQ\nLicense Status: Licensed ${"x".repeat(2_000)}`)?.status,
    ).toBeUndefined();
    expect(
      one("Partial Product Key: QQQQQ\nLicense Status: Licensed\nLicense Status: Unlicensed")
        ?.status?.kind,
    ).toBe("licensed");
  });

  it("a partial key under a translated label needs a letter, or to end a listed key", () => {
    const digits = [
      {
        key: "BBBBB-BBBBB-BBBBB-BBBBB-23467",
        names: ["X"],
        path: "x/#x",
        keyKind: "KMS client key",
        method: "windows-kms",
      },
    ];
    expect(one("Totaal: 23467", digits)?.listed?.key).toBe("BBBBB-BBBBB-BBBBB-BBBBB-23467");
    expect(one("Totaal: 23467")).toBeUndefined();
    expect(one("Etiket: QQQQQ")?.partialKey).toBe("QQQQQ");
    expect(one("Etiket: qqqqq")).toBeUndefined();
    expect(one("Current count: 23467")).toBeUndefined();
    expect(one("Partial Product Key: 6VM3")).toBeUndefined();
    expect(
      readStatus("Partial Product Key: 6VM33\nPartial Product Key: T83GX", records).products,
    ).toHaveLength(2);
  });

  it("folds full-width characters and drops invisible ones before reading", () => {
    expect(one("Partial Product Key: ６ＶＭ３３")?.partialKey).toBe("6VM33");
    const reading = readStatus("Partial Product Key: 6VM\u200b33", records);
    expect(reading.products[0]?.partialKey).toBe("6VM33");
    expect(reading.invisible).toBe(true);
    expect(readStatus("Partial Product Key: 6VM33", records).invisible).toBe(false);
  });

  it("/ato, /xpr and error lines", () => {
    expect(readStatus("Activating Windows (not-an-id) ...", records).products).toEqual([]);
    expect(
      readStatus("Re-Activating Windows (ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03) ...", records)
        .products,
    ).toEqual([]);
    expect(
      readStatus(
        "Activating Windows (ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03) ...\n   Product activated successfully.  ",
        records,
      ).products[0]?.activated,
    ).toBe(true);
    expect(readStatus("Volume activation will expire 5/28/2027", records).products).toEqual([]);
    expect(readStatus("Windows(R), ServerStandard edition: yes", records).products).toEqual([]);
    const error = readStatus("Error: 0xC004F074 The Software Licensing Service reported", records);
    expect(error).toMatchObject({ codes: ["0xC004F074"], messages: [] });
    expect(readStatus("Error: Something failed.", records).messages).toEqual(["Something failed."]);
    expect(readStatus("Error: ", records).messages).toEqual([]);
    expect(readStatus("ERROR DESCRIPTION: Something failed.", records).messages).toEqual([]);
    expect(readStatus(`${"x ".repeat(1_500)}0xC004F074`, records).codes).toEqual(["0xC004F074"]);
  });

  it("keeps at most 200 characters of a value", () => {
    const name = "N".repeat(300);
    expect(one(`Name: ${name}\nDescription: a, RETAIL channel`)?.name).toBe(`${"N".repeat(200)}…`);
    expect(one(`Name: ${"N".repeat(200)}\nDescription: a, RETAIL channel`)?.name).toBe(
      "N".repeat(200),
    );
  });
});

describe("what a reading means", () => {
  const advice = (text: string) => advise(text).products[0];
  const topic = (text: string, name: string) =>
    advice(text)
      ?.findings.filter((f) => f.topic === name)
      .map((f) => [f.tone, f.text]);

  it("says what a key that no row ends with is, by its channel", () => {
    expect(topic("Partial Product Key: QQQQQ", "Installed key")).toEqual([
      [
        "info",
        "Ends in QQQQQ, and no key on this site does: it is not one of the client keys Microsoft publishes (a MAK, retail or OEM key, for example).",
      ],
    ]);
    expect(
      topic(
        "Description: a, VOLUME_KMSCLIENT channel\nPartial Product Key: QQQQQ",
        "Installed key",
      ),
    ).toEqual([
      [
        "info",
        "Ends in QQQQQ, and no key on this site does: it is not one of the client keys Microsoft publishes, although the channel says a KMS client key is installed.",
      ],
    ]);
  });

  it("an evaluation: by its name where no channel is printed, with the way to retail", () => {
    const evaluation = (text: string) =>
      advice(text)?.findings.filter((f) => f.link?.kind === "page");
    // slmgr /xpr names the product, then its expiry: no channel.
    expect(
      evaluation(
        "Windows(R), ServerStandardEval edition:\n    Timebased activation will expire 1/12/2027 9:14:02 AM",
      ),
    ).toEqual([
      {
        topic: "Evaluation",
        text: "Windows(R), ServerStandardEval edition: an evaluation (its name includes Eval).",
        tone: "warn",
        link: {
          kind: "page",
          path: "convert/#evaluation",
          text: "Convert an evaluation to retail",
        },
      },
    ]);
    // An unknown channel on an evaluation's name: the channel is not described, the name is.
    expect(
      advice(
        "Name: Windows(R), ServerStandardEval edition\nDescription: a, TIMEBASED_SUB channel\nTimebased activation expiration: 10 minute(s) (0 day(s))",
      )?.findings.map((f) => [f.topic, f.text]),
    ).toEqual([
      [
        "Channel",
        "TIMEBASED_SUB: a channel this reader has no Microsoft description of; nothing is concluded from it.",
      ],
      [
        "Evaluation",
        "Windows(R), ServerStandardEval edition: an evaluation (its name includes Eval). Time left: 10 minute(s) (0 day(s)).",
      ],
    ]);
    expect(
      evaluation("Name: Windows(R), ServerStandard edition\nDescription: a, RETAIL channel"),
    ).toEqual([]);
  });

  it("every channel and every status, in words", () => {
    const channel = (name: string) =>
      topic(
        `Name: Windows(R), Professional edition\nDescription: a, ${name} channel`,
        "Channel",
      )?.[0];
    expect(channel("VOLUME_KMS_W10")).toEqual([
      "info",
      "VOLUME_KMS_W10: a KMS host key (CSVLK) is installed: this machine is a KMS host, and activates KMS clients.",
    ]);
    expect(channel("OEM_COA_NSLP")?.[1]).toMatch(/^OEM_COA_NSLP: an OEM key, not a KMS client\./);
    expect(channel("VOLUME_MAK")?.[1]).toBe(
      `VOLUME_MAK: a Multiple Activation Key (MAK), volume activation without a KMS host. ${TO_KMS_CLIENT}`,
    );
    expect(channel("TIMEBASED_EVAL")).toEqual([
      "warn",
      "TIMEBASED_EVAL: an evaluation, which runs for a limited time. It becomes a KMS client in two steps: convert it to a retail edition with DISM, then install its edition's KMS client key.",
    ]);
    expect(channel("TIMEBASED_SUB")?.[1]).toBe(
      "TIMEBASED_SUB: a channel this reader has no Microsoft description of; nothing is concluded from it.",
    );
    expect(advice("Description: a, RETAIL channel")?.findings[0]?.link).toBeUndefined();
    const status = (value: string, channel = "VOLUME_MAK") =>
      topic(
        `Description: a, ${channel} channel\nPartial Product Key: QQQQQ\nLicense Status: ${value}`,
        "Licence status",
      )?.[0];
    expect(status("Licensed")).toEqual(["ok", "Licensed: activated."]);
    expect(status("Initial grace period")).toEqual([
      "warn",
      "Initial grace period: not activated yet.",
    ]);
    expect(status("Notification")).toEqual([
      "warn",
      "Notification: not activated, and the grace period has ended (the Notifications state).",
    ]);
    expect(status("Unlicensed")).toEqual(["warn", "Unlicensed: not activated."]);
    expect(status("Whatever")).toEqual(["info", "Whatever: a status this reader does not know."]);
    expect(status("Unlicensed", "VOLUME_KMS")?.[1]).toContain(
      "On a KMS host, any value other than Licensed",
    );
    expect(
      status(
        "Additional grace period (KMS license expired or hardware out of tolerance)",
        "VOLUME_KMSCLIENT",
      )?.[1],
    ).toContain("kept from reaching the host");
  });

  it("commands only for a listed key that is not licensed, or printed an error; none on a KMS host", () => {
    const key = "Description: a, VOLUME_KMSCLIENT channel\nPartial Product Key: 6VM33\n";
    expect(advice(`${key}License Status: Licensed`)?.commands).toEqual([]);
    expect(advice(`${key}License Status: Licensed\nError: 0xC004F074`)?.commands).toEqual([
      "slmgr /ato",
      "slmgr /dlv",
    ]);
    expect(advice(`${key}License Status: Notification`)?.commands).toEqual([
      "slmgr /ato",
      "slmgr /dlv",
    ]);
    expect(advice(`${key}`)?.commands).toEqual(["slmgr /ato", "slmgr /dlv"]);
    expect(
      advice(
        "Description: a, VOLUME_KMS channel\nPartial Product Key: 6VM33\nLicense Status: Unlicensed",
      )?.commands,
    ).toEqual([]);
    expect(
      advice(
        "Description: a, RETAIL channel\nPartial Product Key: QQQQQ\nLicense Status: Unlicensed",
      )?.commands,
    ).toEqual([]);
  });

  it("a host: the helper link only for a listed key whose method takes it", () => {
    const hostLink = (text: string) =>
      advice(text)?.findings.find((f) => f.topic === "KMS host")?.link;
    expect(
      hostLink("Partial Product Key: 6VM33\nRegistered KMS machine name: kms.example.org"),
    ).toEqual({
      kind: "helper",
      path: "windows-server/#windows-server-2022-datacenter",
      host: "kms.example.org",
      text: "Commands for this edition and host",
    });
    expect(
      hostLink("Partial Product Key: QQQQQ\nRegistered KMS machine name: kms.example.org"),
    ).toBeUndefined();
    // An AVMA key takes no KMS host: the host is said, with why, and linked nowhere.
    const avma = advice("Partial Product Key: DV9BG\nRegistered KMS machine name: kms.example.org");
    const found = avma?.findings.find((f) => f.topic === "KMS host");
    expect(found?.link).toBeUndefined();
    expect(found?.text).toBe(
      "Set on this machine: kms.example.org. AVMA keys use no KMS host, so no host goes into their commands.",
    );
    const none = (text: string) =>
      advice(text)?.findings.find((f) => f.text.startsWith("DNS auto-discovery"));
    expect(none("Partial Product Key: QQQQQ\nDNS auto-discovery: KMS name not available")).toEqual({
      topic: "KMS host",
      text: "DNS auto-discovery found no KMS host (no _vlmcs._tcp record). No host is set on the machine either: publish the KMS host in DNS, or set it on this client.",
      tone: "warn",
      link: undefined,
    });
    expect(
      none("Partial Product Key: DV9BG\nDNS auto-discovery: KMS name not available")?.link,
    ).toBeUndefined();
    expect(none("Partial Product Key: 6VM33\nDNS auto-discovery: KMS name found")).toBeUndefined();
  });

  it("a whole paste: unused licences, notes, and nothing when nothing was read", () => {
    const reading = advise(
      "Name: A\nDescription: a, RETAIL channel\nLicense Status: Unlicensed\n\nName: b\nDescription: b, RETAIL channel\nLicense Status: Unlicensed\nError: 0xC004F074",
    );
    expect(reading.products.map((p) => p.title)).toEqual(["b"]);
    expect(reading.unused).toEqual(["A"]);
    expect(advise("Description: a, RETAIL channel\nLicense Status: Unlicensed").notes).toEqual([]);
    expect(advise("Description: a, RETAIL channel\nLicense Status: Unlicensed").unused).toEqual([
      "",
    ]);
    expect(advise("Error: Something failed.").findings).toEqual([
      { topic: "Error", text: "“Something failed.”", tone: "warn" },
    ]);
    expect(
      advise("Description: a, RETAIL channel\nError: Something failed.").products[0]?.findings.at(
        -1,
      ),
    ).toEqual({ topic: "Error", text: "“Something failed.”", tone: "warn" });
    expect(advice("Partial Product Key: QQQQQ")?.title).toBe("Key ending in QQQQQ");
    expect(advice("Description: a, RETAIL channel\nLicense Status: Licensed")?.title).toBe(
      "Product",
    );
  });
});
