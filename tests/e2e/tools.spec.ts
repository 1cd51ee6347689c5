import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { diagnoseKey } from "../../src/lib/keys/productKey";
import { CSV_COLUMNS } from "../../src/lib/keys/keyDownloads";
import { singleCharacterMutations } from "../helpers/keyMutations";
import { readSourceRevisions, readSourceRows, sourceKeys } from "../helpers/sourceFixtures";
import { activationCommands } from "../../src/lib/activation/activationSteps";
import { installCommand } from "../../src/lib/activation/methods";
import { commandButton, familyPaths, helperOf, keyButton, methodOfPath } from "./site";

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** The fixture rows, newest names; keys and names for the tools below come from here. */
const rows = readSourceRows().filter(
  (row, i, all) => all.findIndex((r) => r.key === row.key) === i,
);
const withN = rows.find((row) => row.key.includes("N") && row.names.length === 1) ?? rows[0];
const withoutN = rows.find((row) => !row.key.includes("N")) ?? rows[0];

test.describe("copying the command", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a row's command button copies exactly its family's install line, `slmgr /ipk <key>` or `cscript ospp.vbs /inpkey:<key>` (first and last row of each page)", async ({
    page,
  }) => {
    // copy.spec.ts proves from the DOM that every row has both buttons on its own key.
    for (const path of familyPaths) {
      await page.goto(path);
      await page.bringToFront();
      for (const row of [page.locator("tbody tr").first(), page.locator("tbody tr").last()]) {
        const key = (await row.locator("[data-key]").textContent()) ?? "";
        await commandButton(row).click();
        await expect(commandButton(row)).toContainText("Copied");
        const copied = await clipboard(page);
        expect(copied).toBe(installCommand(methodOfPath(path), key));
        // Never another family's tool: an Office key is never given to slmgr.
        expect(
          copied.startsWith(path === "/office/" ? "cscript ospp.vbs /inpkey:" : "slmgr /ipk "),
        ).toBe(true);
      }
    }
    await expect(page.locator("#kms-announcer")).toContainText("Copied the command");
  });

  test("a search result's command button does the same", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox").pressSequentially("2019 essentials");
    await expect(page.locator("#kms-search-results")).toHaveAttribute(
      "data-query",
      "2019 essentials",
    );
    const result = page.locator("#kms-search-results li").first();
    const key = await result.locator("[data-key]").textContent();
    await commandButton(result).click();
    expect(await clipboard(page)).toBe(`slmgr /ipk ${key}`);
  });
});

test("when the clipboard is refused, the command is shown, selected, with Ctrl+C advice", async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, "writeText", {
      value: () => Promise.reject(new DOMException("denied", "NotAllowedError")),
    });
  });
  await page.goto(familyPaths[0] ?? "/");
  const row = page.locator("tbody tr").first();
  const key = await row.locator("[data-key]").textContent();
  await commandButton(row).click();
  await expect(row.getByText(/Command selected: press Ctrl\+C/)).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(`slmgr /ipk ${key}`);
});

test.describe("activation helper", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });
  const block = (page: Page) => page.locator("[data-commands]");

  test("each row links to it with its edition chosen, and its family's commands", async ({
    page,
  }) => {
    for (const path of familyPaths) {
      await page.goto(path);
      const row = page.locator("tbody tr").nth(1);
      const key = (await row.locator("[data-key]").textContent()) ?? "";
      await row.getByRole("link", { name: /Activation steps/ }).click();
      await expect(page).toHaveURL(new RegExp(`/activate${path}\\?edition=`));
      await expect(block(page)).toHaveText(activationCommands(methodOfPath(path), key).join("\n"));
    }
  });

  for (const [host, skms] of [
    ["kms.example.org", "kms.example.org"],
    ["kms.example.org:1688", "kms.example.org:1688"],
    ["10.1.2.3:1700", "10.1.2.3:1700"],
    ["2001:db8::5", "[2001:db8::5]:1688"],
  ]) {
    test(`the block for an edition and host ${host} is exact, copied in one click, kept in the URL`, async ({
      page,
    }) => {
      const edition = withN?.names[0] ?? "";
      await page.goto(helperOf(edition));
      await page.getByLabel("Edition").selectOption({ label: edition });
      await page.getByLabel(/KMS host/).fill(host ?? "");
      const expected = [
        `slmgr /ipk ${withN?.key}`,
        `slmgr /skms ${skms}`,
        "slmgr /ato",
        "slmgr /dlv",
      ].join("\n");
      await expect(block(page)).toHaveText(expected);
      await page.getByRole("button", { name: "Copy all commands" }).click();
      expect(await clipboard(page)).toBe(expected);
      const url = new URL(page.url());
      expect(url.searchParams.get("host")).toBe(host);
      await page.goto(url.pathname + url.search); // shared or bookmarked
      await expect(block(page)).toHaveText(expected);
    });
  }

  for (const bad of [
    "kms example.org",
    "kms.example.org:70000",
    "10.0.0.300",
    "-kms",
    "kms.example.org;calc",
    "2001:db8::zz",
  ]) {
    test(`refuses the host ${JSON.stringify(bad)} inline and produces no command`, async ({
      page,
    }) => {
      await page.goto(helperOf(withN?.names[0] ?? ""));
      await page.getByLabel("Edition").selectOption({ label: withN?.names[0] ?? "" });
      await page.getByLabel(/KMS host/).fill(bad);
      await expect(page.locator("[data-host-error]")).not.toBeEmpty();
      await expect(page.getByLabel(/KMS host/)).toHaveAttribute("aria-invalid", "true");
      await expect(block(page)).toBeHidden();
      await expect(page.getByText("Fix the host above to see the commands.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Copy all commands" })).toBeDisabled();
    });
  }

  test("a host made invalid after a copy takes the commands and the “Copied” away at once", async ({
    page,
  }) => {
    await page.goto(helperOf(withN?.names[0] ?? ""));
    await page.getByLabel("Edition").selectOption({ label: withN?.names[0] ?? "" });
    const button = page.locator("[data-copy-commands]");
    await button.click();
    await expect(button).toHaveText("Copied");
    await page.getByLabel(/KMS host/).fill("kms example.org");
    // Well inside the two seconds "Copied" would otherwise stay.
    await expect(button).toHaveText("Copy all commands", { timeout: 500 });
    await expect(button).toBeDisabled();
    await expect(block(page)).toBeHidden();
  });

  test("“Copied” goes back to the button's name, also after two quick clicks", async ({ page }) => {
    await page.goto(familyPaths[0] ?? "/");
    const button = keyButton(page.locator("tbody tr").first());
    await button.click();
    await page.waitForTimeout(1200);
    await button.click();
    await expect(button).toHaveText("Copied");
    // The first click's timer must not cut the second one's "Copied" short, nor leave it.
    await page.waitForTimeout(1200);
    await expect(button).toHaveText("Copied");
    await expect(button).toHaveText("Copy", { timeout: 2000 });
    await expect(button).not.toHaveAttribute("data-state");
  });

  test("nothing typed is sent anywhere", async ({ page }) => {
    const requests: string[] = [];
    await page.goto(helperOf(withN?.names[0] ?? ""));
    page.on("request", (request) =>
      requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ""}`),
    );
    await page.getByLabel("Edition").selectOption({ index: 3 });
    await page.getByLabel(/KMS host/).fill("kms.secret.example:1688");
    await expect(block(page)).toContainText("kms.secret.example");
    // The page may fetch its own static files (the header search loads on hover); never the input.
    expect(requests.filter((request) => /secret|POST/.test(request))).toEqual([]);
    const stored = await page.evaluate(
      () =>
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    );
    expect(stored).not.toContain("secret");
  });
});

test.describe("key checker", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });
  const verdict = (page: Page) => page.locator("[data-verdict]");
  const check = async (page: Page, input: string) => {
    await page.goto("/check/");
    await page.getByLabel("Product key").fill(input);
  };
  const typo =
    singleCharacterMutations(withN?.key ?? "").find(
      (k) => diagnoseKey(k).status === "checksum-fails",
    ) ?? "";
  const unlisted =
    rows
      .filter((row) => row.key.includes("N"))
      .flatMap((row) => singleCharacterMutations(row.key))
      .find((k) => diagnoseKey(k).status === "valid" && !sourceKeys().has(k)) ?? "";

  test("a listed key: its editions, copy and a link to its row", async ({ page }) => {
    await check(page, ` ${(withN?.key ?? "").toLowerCase()} `);
    await expect(verdict(page)).toContainText("The KMS client key for");
    await expect(verdict(page)).toContainText(withN?.names[0] ?? "");
    await keyButton(verdict(page)).click();
    expect(await clipboard(page)).toBe(withN?.key);
    await verdict(page).getByRole("link", { name: "Open its row" }).click();
    await expect(page.locator("tr:target [data-key]")).toHaveText(withN?.key ?? "");
  });

  test("a typo: the checksum fails, and the group to re-check is named", async ({ page }) => {
    const group = typo.split("-").findIndex((g, i) => g !== withN?.key.split("-")[i]) + 1;
    await check(page, typo);
    await expect(verdict(page)).toContainText("Checksum fails");
    await expect(verdict(page)).toContainText(`Re-check group ${group}`);
    await expect(verdict(page)).toContainText(withN?.key ?? "");
  });

  test("well-formed, valid checksum, not listed: not a KMS client key we list", async ({
    page,
  }) => {
    expect(unlisted).not.toBe("");
    await check(page, unlisted);
    await expect(verdict(page)).toContainText("Not a key we list");
    await expect(verdict(page)).toContainText("MAK or a retail key");
  });

  test("an older key (no N): only its shape can be checked, and the site says so", async ({
    page,
  }) => {
    const [changed] = singleCharacterMutations(withoutN?.key ?? "");
    await check(page, changed ?? "");
    await expect(verdict(page)).toContainText("only their shape can be");
    await expect(verdict(page)).toContainText(withoutN?.key ?? "");
  });

  test("not a product key: which character, or the length", async ({ page }) => {
    await check(page, `A${(withN?.key ?? "").slice(1)}`);
    await expect(verdict(page)).toContainText("Found “A”; a product key has only the characters");
    await page.getByLabel("Product key").fill((withN?.key ?? "").slice(0, 20));
    await expect(verdict(page)).toContainText("has 25 characters");
  });

  test("the search box checks a key that is not listed, and links to the checker", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("searchbox").fill(typo);
    await expect(page.locator("#kms-search-results [data-status]")).toContainText("Checksum fails");
    await page.getByRole("link", { name: "Check this key in detail" }).click();
    await expect(page).toHaveURL(/\/check\/\?key=/);
    await expect(verdict(page)).toContainText("Checksum fails");
  });
});

test.describe("keys as data", () => {
  test("keys.json lists exactly the fixtures' keys with all their names", async ({ request }) => {
    const response = await request.get("/keys.json");
    expect(response.headers()["content-type"]).toContain("application/json");
    const { keys } = (await response.json()) as {
      keys: { key: string; names: string[]; aliases: string[]; url: string }[];
    };
    expect(keys.map((k) => k.key).sort()).toEqual([...sourceKeys()].sort());
    for (const row of readSourceRows()) {
      const text = keys
        .filter((k) => k.key === row.key)
        .flatMap((k) => [...k.names, ...k.aliases])
        .join(" ");
      for (const name of row.names) expect(text, row.key).toContain(name);
    }
  });

  test("keys.csv is plain ASCII (no byte-order mark) with a header row, one row per key", async ({
    request,
  }) => {
    const response = await request.get("/keys.csv");
    expect(response.headers()["content-type"]).toContain("text/csv");
    const body = await response.body();
    expect(body.every((byte) => byte < 0x80)).toBe(true);
    const lines = body.toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(
      lines
        .slice(1)
        .map((line) => line.split(",")[0])
        .sort(),
    ).toEqual([...sourceKeys()].sort());
  });

  test("the home page and every family page link to both", async ({ page }) => {
    for (const path of ["/", ...familyPaths]) {
      await page.goto(path);
      for (const file of ["keys.json", "keys.csv"]) {
        await expect(page.locator(`main a[href="/${file}"]`).first()).toBeVisible();
      }
    }
  });
});

test.describe("the helper's address before each family had its own", () => {
  test("opens the edition's family helper with the same edition and host", async ({ page }) => {
    const row = readSourceRows().find((r) => r.names.length === 1) ?? readSourceRows()[0];
    const path = helperOf(row?.names[0] ?? "");
    await page.goto(`/activate/${path.split("/")[2] ?? ""}/`);
    const value = await page
      .getByLabel("Edition")
      .locator("option", { hasText: row?.names[0] ?? "" })
      .first()
      .getAttribute("value");
    await page.goto(`/activate/?edition=${value ?? ""}&host=kms.example.org`);
    await expect(page).toHaveURL(`${path}?edition=${value ?? ""}&host=kms.example.org`);
    await expect(page.locator("[data-commands]")).toContainText(`slmgr /ipk ${row?.key ?? ""}`);
    await expect(page.locator("[data-commands]")).toContainText("slmgr /skms kms.example.org");
  });

  test("says so for an edition that is not the site's, and opens nothing", async ({ page }) => {
    await page.goto("/activate/?edition=windows-99-ultimate");
    await expect(page.getByText("The edition in this link is not one of the site's")).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/activate/");
  });
});

test.describe("each family's helper follows its method", () => {
  const block = (page: Page) => page.locator("[data-commands]");

  test("AVMA: no host field, no host line, whatever the link holds; what AVMA needs is said", async ({
    page,
  }) => {
    // The AVMA key of the edition, from the AVMA page's fixture.
    const key = readSourceRevisions("automatic-vm-activation")
      .at(-1)
      ?.rows.find((r) => r.names[0] === "Windows Server 2019 Datacenter")?.key;
    await page.goto("/activate/avma/?edition=windows-server-2019-datacenter&host=kms.example.org");
    await expect(page.getByLabel(/KMS host/)).toBeHidden();
    await expect(block(page)).toHaveText(`slmgr /ipk ${key ?? "?"}\nslmgr /dlv`);
    await expect(page.locator("[data-commands-note]")).toContainText(
      "activates against its Hyper-V host by itself",
    );
    await expect(page.getByText(/skms|sethst/)).toHaveCount(0);
    // What AVMA needs, from the family's file: the host, its version, the integration service.
    const note = page.getByRole("note");
    await expect(note).toContainText("Hyper-V host running Windows Server Datacenter, activated");
    await expect(note).toContainText("Data Exchange integration service");
  });

  test("Office: both Office16 folders as literal lines, ospp.vbs lines, and no IPv6 host", async ({
    page,
  }) => {
    await page.goto("/activate/office/?edition=office-ltsc-professional-plus-2021");
    await expect(page.locator("kms-command [data-line]").first()).toHaveText(
      String.raw`cd /d "%ProgramFiles%\Microsoft Office\Office16"`,
    );
    await expect(
      page.locator("kms-command [data-line]", { hasText: "%ProgramFiles(x86)%" }),
    ).toHaveCount(1);
    await expect(block(page)).toContainText("cscript ospp.vbs /inpkey:");
    await page.getByLabel(/KMS host/).fill("[2001:db8::5]:1688");
    await expect(page.locator("[data-host-error]")).toHaveText(
      "cscript ospp.vbs is documented with a host name or an IPv4 address, not an IPv6 address: give the KMS host's name.",
    );
    await expect(block(page)).toBeHidden();
    await page.getByLabel(/KMS host/).fill("kms.example.org:1750");
    await expect(block(page)).toContainText(
      "cscript ospp.vbs /sethst:kms.example.org\ncscript ospp.vbs /setprt:1750\ncscript ospp.vbs /act",
    );
    await expect(page.getByText("slmgr /ipk")).toHaveCount(0);
  });
});
