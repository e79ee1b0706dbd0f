import type { Page } from "@playwright/test";
import { expectNoAccessibilityViolationsWithoutJavaScript, waitForEmail } from "./consent-journey";
import { test } from "./portal-db";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";
import { listedNames, makeVolunteer, uniqueWord } from "./volunteers-fixtures";

/**
 * The study team's volunteers list (/admin/volunteers), its bulk invitation and the diversity of the
 * interview sample (/admin/volunteers/diversity). The database is shared with tests running at the same
 * time, so each test's volunteers share a random word in their names and the tests search for it.
 */

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));

async function expectResults(page: Page, total: number, pageNumber: number, pageCount: number): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /match/ })).toHaveText(
    `${total} ${total === 1 ? "volunteer matches" : "volunteers match"}. Page ${pageNumber} of ${pageCount}.`,
  );
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a researcher searches, filters and sorts the list through its address", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const word = uniqueWord();
    const ada = await makeVolunteer(portalDb, {
      fullName: `Ada ${word}`,
      region: "wales",
      createdAt: day(3),
      participations: [{ study: "interview-study", status: "CONSENTED" }],
    });
    await makeVolunteer(portalDb, {
      fullName: `Bea ${word}`,
      staffGroup: "doctor",
      createdAt: day(1),
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });
    await makeVolunteer(portalDb, {
      fullName: `Cal ${word}`,
      partnershipCountry: "Nepal",
      createdAt: day(2),
      participations: [{ study: "workshops", status: "INVITED" }],
    });
    await signInAs(context, portalDb, authSecret);

    await page.goto("/admin/volunteers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Volunteers");
    // The search is part of the name, in another case.
    await page.getByLabel("Search by name or email address").fill(word.toUpperCase());
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word.toUpperCase()}`));
    await expectResults(page, 3, 1, 1);
    await expect(listedNames(page)).toHaveText([`Ada ${word}`, `Cal ${word}`, `Bea ${word}`]); // newest first
    await expectNoAccessibilityViolationsWithoutJavaScript(page);

    // Each row: name (a link to the volunteer's page), email, details, a status and eligibility per study.
    const row = page.getByRole("row").filter({ hasText: `Ada ${word}` });
    await expect(row.getByRole("link", { name: `Ada ${word}` })).toHaveAttribute("href", `/admin/volunteers/${ada.id}`);
    await expect(row).toContainText(ada.email);
    await expect(row).toContainText("Nurse or health visitor");
    await expect(row).toContainText("Wales");
    await expect(row).toContainText("Uganda");
    await expect(row).toContainText("Consented");
    await expect(row).toContainText("Eligible");
    await expect(row).toContainText("Not registered");
    await expect(row).toContainText("3 Jan 2026");

    // Filters, through the form.
    await page.getByLabel("Staff group").selectOption({ label: "Doctor or dentist" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/staffGroup=doctor/);
    await expect(listedNames(page)).toHaveText([`Bea ${word}`]);
    await page.getByLabel("Staff group").selectOption({ label: "Any answer" });
    await page.getByLabel("Study", { exact: true }).selectOption({ label: "Interview study" });
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Consented" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(listedNames(page)).toHaveText([`Ada ${word}`]);

    // And straight from the address: region, country, eligibility, sorting both ways.
    const expectList = async (query: string, names: string[]) => {
      await page.goto(`/admin/volunteers?q=${word}&${query}`);
      await expect(listedNames(page)).toHaveText(names);
    };
    await expectList("region=wales", [`Ada ${word}`]);
    await expectList("country=Nepal", [`Cal ${word}`]);
    await expectList("study=workshops", [`Cal ${word}`]);
    await expectList("study=interview-study&eligibility=eligible&sort=name", [`Ada ${word}`, `Bea ${word}`]);
    await expectList("eligibility=ineligible", []);
    await expect(page.getByText("No volunteers match.")).toBeVisible();

    // Sorting by the column headings: name A to Z, then Z to A.
    await page.goto(`/admin/volunteers?q=${word}`);
    await page.getByRole("link", { name: /^Name\b.*sort by name/ }).click();
    await expect(listedNames(page)).toHaveText([`Ada ${word}`, `Bea ${word}`, `Cal ${word}`]);
    await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("link", { name: /^Name\b.*sort by name/ }).click();
    await expect(listedNames(page)).toHaveText([`Cal ${word}`, `Bea ${word}`, `Ada ${word}`]);
    await page.getByRole("link", { name: /^Registered\b.*sort by date registered/ }).click();
    await expect(listedNames(page)).toHaveText([`Ada ${word}`, `Cal ${word}`, `Bea ${word}`]);
    await page.getByRole("link", { name: /^Registered\b.*sort by date registered/ }).click();
    await expect(listedNames(page)).toHaveText([`Bea ${word}`, `Cal ${word}`, `Ada ${word}`]);
  });

  test("pages through the results, 25 at a time, with the total", async ({ page, context, portalDb, authSecret }) => {
    const word = uniqueWord();
    for (let i = 1; i <= 27; i++)
      await makeVolunteer(portalDb, { fullName: `Person ${String(i).padStart(2, "0")} ${word}` });
    await signInAs(context, portalDb, authSecret);

    await page.goto(`/admin/volunteers?q=${word}&sort=name`);
    await expectResults(page, 27, 1, 2);
    await expect(listedNames(page)).toHaveCount(25);
    await expect(page.getByRole("link", { name: /Previous/ })).toHaveCount(0);
    await page.getByRole("link", { name: /^Next page\W+Page 2 of 2$/ }).click();
    await expect(page).toHaveURL(/page=2/);
    await expectResults(page, 27, 2, 2);
    await expect(listedNames(page)).toHaveText([`Person 26 ${word}`, `Person 27 ${word}`]);
    await expect(page.getByRole("link", { name: /Next/ })).toHaveCount(0);
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    await page.getByRole("link", { name: /^Previous page\W+Page 1 of 2$/ }).click();
    await expect(listedNames(page).first()).toHaveText(`Person 01 ${word}`);
  });

  test("says which parts of a bad address it did not use, and shows the list anyway", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const word = uniqueWord();
    await makeVolunteer(portalDb, { fullName: `Ada ${word}` });
    await signInAs(context, portalDb, authSecret);

    const response = await page.goto(
      `/admin/volunteers?q=${word}&status=asleep&study=no-such-study&page=abc&sort=shoe-size&region=<b>x</b>`,
    );
    expect(response?.status()).toBe(200);
    const callout = page.locator(".nhsuk-card--warning");
    await expect(callout).toContainText("The status in the address was not recognised");
    await expect(callout).toContainText("The study in the address was not recognised");
    await expect(callout).toContainText("The page number in the address was not recognised");
    await expect(callout).toContainText("The sort order in the address was not recognised");
    await expect(callout).toContainText("The answer to “Region” in the address was not recognised");
    await expect(listedNames(page)).toHaveText([`Ada ${word}`]);

    const beyond = await page.goto(`/admin/volunteers?q=${word}&page=7`);
    expect(beyond?.status()).toBe(200);
    await expect(callout).toContainText("There is no page 7: the list has 1 page, so the last one is shown.");
    await expect(listedNames(page)).toHaveText([`Ada ${word}`]);
  });

  test("the overview's funnel links open the list at that stage, and say so", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const word = uniqueWord();
    await makeVolunteer(portalDb, {
      fullName: `Consented ${word}`,
      participations: [{ study: "interview-study", status: "CONSENTED" }],
    });
    await makeVolunteer(portalDb, {
      fullName: `Invited ${word}`,
      participations: [{ study: "interview-study", status: "INVITED" }],
    });
    await makeVolunteer(portalDb, {
      fullName: `Completed ${word}`,
      participations: [{ study: "interview-study", status: "COMPLETED" }],
    });
    await signInAs(context, portalDb, authSecret);

    await page.goto("/admin");
    const funnel = page.getByRole("table", { name: /Recruitment funnel: .*interview study/ });
    await funnel.getByRole("link").nth(3).click(); // registered, eligible, invited, consented
    await expect(page).toHaveURL(/\/admin\/volunteers\?study=interview-study&stage=consented$/);
    await expect(page.locator(".nhsuk-inset-text")).toContainText(
      "Showing volunteers at the stage Consented in Interview study",
    );
    await expect(page.getByLabel("Stage")).toHaveValue("consented");
    await expect(page.getByLabel("Study", { exact: true })).toHaveValue("interview-study");

    // The stage stays as the list is searched, and can be taken off.
    await page.getByLabel("Search by name or email address").fill(word);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(listedNames(page)).toHaveText([`Completed ${word}`, `Consented ${word}`]);
    await page.getByRole("link", { name: "Show every stage" }).click();
    await expect(listedNames(page)).toHaveText([`Completed ${word}`, `Invited ${word}`, `Consented ${word}`]);
  });

  test("bulk invitation works without JavaScript too", async ({ page, context, portalDb, authSecret }) => {
    const word = uniqueWord();
    const ada = await makeVolunteer(portalDb, {
      fullName: `Ada ${word}`,
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });
    await signInAs(context, portalDb, authSecret);
    await page.goto(`/admin/volunteers?study=interview-study&q=${word}`);
    await page.getByRole("checkbox", { name: `Invite ${ada.fullName}` }).check();
    await page.getByRole("button", { name: "Invite selected to Interview study" }).click();
    await expect(page.locator(".nhsuk-notification-banner")).toContainText("1 person invited to Interview study");
    await expect(page.getByRole("row").filter({ hasText: ada.fullName })).toContainText("Invited");
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
  });

  test("a tick box changed to another study's or another person's record invites no one wrongly", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const word = uniqueWord();
    const ada = await makeVolunteer(portalDb, {
      fullName: `Ada ${word}`,
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });
    const bea = await makeVolunteer(portalDb, {
      fullName: `Bea ${word}`,
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });
    // Not on the page: someone registered only for the workshops, and someone screened out.
    const other = await makeVolunteer(portalDb, {
      fullName: `Workshops ${word}`,
      participations: [{ study: "workshops", status: "ELIGIBLE" }],
    });
    const screenedOut = await makeVolunteer(portalDb, {
      fullName: `Screened ${word}`,
      participations: [{ study: "interview-study", status: "INELIGIBLE" }],
    });
    await signInAs(context, portalDb, authSecret);

    await page.goto(`/admin/volunteers?study=interview-study&status=eligible&q=${word}&sort=name`);
    await page.getByRole("checkbox", { name: `Invite ${ada.fullName}` }).check();
    const beaBox = page.getByRole("checkbox", { name: `Invite ${bea.fullName}` });
    await beaBox.check();
    // A second tick box, forged, for the screened-out person; Bea's changed to the workshop record.
    await beaBox.evaluate(
      (box, ids) => {
        (box as HTMLInputElement).value = ids.workshop;
        const forged = box.cloneNode() as HTMLInputElement;
        forged.id = "forged";
        forged.value = ids.screenedOut;
        forged.checked = true;
        box.after(forged);
      },
      { workshop: other.participationIds.workshops!, screenedOut: screenedOut.participationIds["interview-study"]! },
    );
    await page.getByRole("button", { name: "Invite selected to Interview study" }).click();

    const banner = page.locator(".nhsuk-notification-banner");
    await expect(banner).toContainText("1 person invited to Interview study");
    await expect(banner).toContainText(`${other.fullName}: This person has not registered for Interview study.`);
    await expect(banner).toContainText(`${screenedOut.fullName}: Only eligible people can be invited.`);
    const status = async (id: string) => (await portalDb.participation.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(ada.participationIds["interview-study"]!)).toBe("INVITED");
    expect(await status(bea.participationIds["interview-study"]!)).toBe("ELIGIBLE");
    expect(await status(other.participationIds.workshops!)).toBe("ELIGIBLE");
    expect(await status(screenedOut.participationIds["interview-study"]!)).toBe("INELIGIBLE");
    expect(
      await portalDb.outgoingEmail.count({ where: { volunteerId: { in: [bea.id, other.id, screenedOut.id] } } }),
    ).toBe(0);
  });
});

test("a researcher invites the eligible volunteers they tick, and sees who was invited", async ({
  page,
  context,
  portalDb,
  authSecret,
  request,
}) => {
  const word = uniqueWord();
  const ada = await makeVolunteer(portalDb, {
    fullName: `Ada ${word}`,
    participations: [
      { study: "interview-study", status: "ELIGIBLE" },
      { study: "workshops", status: "ELIGIBLE" },
    ],
  });
  const bea = await makeVolunteer(portalDb, {
    fullName: `Bea ${word}`,
    participations: [{ study: "interview-study", status: "ELIGIBLE" }],
  });
  const cal = await makeVolunteer(portalDb, {
    fullName: `Cal ${word}`,
    participations: [{ study: "interview-study", status: "INVITED" }],
  });
  const dee = await makeVolunteer(portalDb, {
    fullName: `Dee ${word}`,
    participations: [{ study: "interview-study", status: "INELIGIBLE" }],
  });
  const researcher = await signInAs(context, portalDb, authSecret);

  // Without a study there is nothing to tick.
  await page.goto(`/admin/volunteers?q=${word}`);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByText("To invite several volunteers at once, filter the list by a study.")).toBeVisible();

  await page.goto(`/admin/volunteers?study=interview-study&q=${word}&sort=name`);
  // Only the eligible who are not yet invited can be ticked.
  await expect(page.getByRole("checkbox")).toHaveCount(2);
  await expect(page.getByRole("checkbox", { name: `Invite ${cal.fullName}` })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: `Invite ${dee.fullName}` })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // Nothing ticked: an error, linked to the first tick box.
  await page.getByRole("button", { name: "Invite selected to Interview study" }).click();
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toContainText("Select at least one volunteer to invite");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveAttribute("href", `#invite-${ada.participationIds["interview-study"]}`);
  await expect(page.locator(".nhsuk-error-message")).toHaveText("Error: Select at least one volunteer to invite");

  await page.getByRole("checkbox", { name: `Invite ${ada.fullName}` }).check();
  await page.getByRole("checkbox", { name: `Invite ${bea.fullName}` }).check();
  await page.getByRole("button", { name: "Invite selected to Interview study" }).click();
  const banner = page.locator(".nhsuk-notification-banner");
  await expect(banner).toContainText("2 people invited to Interview study");
  await expect(banner.getByRole("link", { name: ada.fullName })).toHaveAttribute("href", `/admin/volunteers/${ada.id}`);
  await expect(banner.getByRole("link", { name: bea.fullName })).toBeVisible();
  // The list shows their new status, and there is no one left to tick.
  await expect(page.getByRole("row").filter({ hasText: bea.fullName })).toContainText("Invited");
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // What really happened: an invitation email each, audited as this researcher; the workshop untouched.
  await waitForEmail(request, ada.email, "You are invited to take part");
  await waitForEmail(request, bea.email, "You are invited to take part");
  const invited = await portalDb.participation.findMany({
    where: { id: { in: [ada.participationIds["interview-study"]!, bea.participationIds["interview-study"]!] } },
  });
  expect(invited.map((p) => p.status)).toEqual(["INVITED", "INVITED"]);
  expect(
    (await portalDb.participation.findUniqueOrThrow({ where: { id: ada.participationIds.workshops! } })).status,
  ).toBe("ELIGIBLE");
  const events = await portalDb.auditEvent.findMany({
    where: { action: "participation.invited", subjectId: { in: invited.map((p) => p.id) } },
  });
  expect(events.map((e) => [e.actorType, e.actorId])).toEqual([
    ["RESEARCHER", researcher.id],
    ["RESEARCHER", researcher.id],
  ]);
});

test("the diversity page counts the interview sample by staff group, region and country, linking to the people", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const word = uniqueWord();
  // A country no other test uses, so its row's numbers are this test's alone.
  const country = `Atlantis ${word}`;
  const eligible = await makeVolunteer(portalDb, {
    fullName: `Eligible ${word}`,
    partnershipCountry: country,
    participations: [{ study: "interview-study", status: "ELIGIBLE" }],
  });
  await makeVolunteer(portalDb, {
    fullName: `Invited ${word}`,
    partnershipCountry: country,
    participations: [{ study: "interview-study", status: "INVITED" }],
  });
  await makeVolunteer(portalDb, {
    fullName: `Consented ${word}`,
    partnershipCountry: country,
    participations: [{ study: "interview-study", status: "CONSENTED" }],
  });
  await makeVolunteer(portalDb, {
    fullName: `Withdrawn ${word}`,
    partnershipCountry: country,
    participations: [{ study: "interview-study", status: "WITHDRAWN" }],
  });
  await makeVolunteer(portalDb, {
    fullName: `Screened ${word}`,
    partnershipCountry: country,
    participations: [{ study: "interview-study", status: "INELIGIBLE" }],
  });
  await makeVolunteer(portalDb, {
    fullName: `Workshops ${word}`,
    partnershipCountry: country,
    participations: [{ study: "workshops", status: "CONSENTED" }],
  });
  await signInAs(context, portalDb, authSecret);

  await page.goto("/admin/volunteers");
  await page.getByRole("link", { name: "Diversity of the sample" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diversity of the sample: Interview study");
  for (const caption of ["By staff group", "By region", "By partnership country"]) {
    const table = page.getByRole("table", { name: caption });
    await expect(table.getByRole("columnheader")).toHaveText([/./, "Eligible", "Invited", "Taking part"]);
    await expect(table.getByRole("rowheader", { name: "Total" })).toBeVisible();
  }
  const row = page
    .getByRole("table", { name: "By partnership country" })
    .getByRole("row", { name: new RegExp(country) });
  // Eligible: all but the screened out (withdrawn people were eligible too); invited: invited, consented,
  // withdrawn; taking part: the consented one only.
  await expect(row.getByRole("cell")).toHaveText(["4", "3", "1"]);
  await expectNoAccessibilityViolations(page);

  await row.getByRole("link", { name: "4" }).click();
  await expect(page).toHaveURL(
    /\/admin\/volunteers\?study=interview-study&country=Atlantis\+Zq[a-p]+&stage=eligible&sort=name$/,
  );
  await expect(listedNames(page)).toHaveText([
    `Consented ${word}`,
    `Eligible ${word}`,
    `Invited ${word}`,
    `Withdrawn ${word}`,
  ]);
  await expect(page.getByRole("link", { name: eligible.fullName })).toBeVisible();

  await page.goto(`/admin/volunteers/diversity?study=workshops`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diversity of the sample: Workshops");
  await expect(
    page
      .getByRole("table", { name: "By partnership country" })
      .getByRole("row", { name: new RegExp(country) })
      .getByRole("cell"),
  ).toHaveText(["1", "1", "1"]);
  await page.goto(`/admin/volunteers/diversity?study=<nope>`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diversity of the sample: Interview study");
  await expect(page.locator(".nhsuk-card--warning")).toContainText("The study in the address was not recognised");
});

test("the list and the diversity page fit a phone and read well @phone", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const word = uniqueWord();
  await makeVolunteer(portalDb, {
    fullName: `Ada ${word}`,
    participations: [{ study: "interview-study", status: "ELIGIBLE" }],
  });
  await signInAs(context, portalDb, authSecret);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/admin/volunteers?study=interview-study&q=${word}`);
  await expect(page.getByRole("checkbox", { name: `Invite Ada ${word}` })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAccessibilityViolations(page);
  await page.goto("/admin/volunteers/diversity");
  await expectNoHorizontalScroll(page);
  await expectNoAccessibilityViolations(page);
});

test.describe("who can see the list", () => {
  for (const path of [
    "/admin/volunteers",
    "/admin/volunteers?study=interview-study&stage=consented",
    "/admin/volunteers/diversity",
  ]) {
    test(`${path} sends a visitor with no session to sign in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  }

  test("a session whose second factor is not done goes to the second factor", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    await signInAs(context, portalDb, authSecret, { secondFactorDone: false });
    await page.goto("/admin/volunteers");
    await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
    await page.goto("/admin/volunteers/diversity");
    await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  });

  test("the invite action checks the session itself: a session ended after the page loaded invites no one", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const word = uniqueWord();
    const ada = await makeVolunteer(portalDb, {
      fullName: `Ada ${word}`,
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });
    const researcher = await signInAs(context, portalDb, authSecret);
    await page.goto(`/admin/volunteers?study=interview-study&q=${word}`);
    await page.getByRole("checkbox", { name: `Invite ${ada.fullName}` }).check();
    await portalDb.researcherSession.deleteMany({ where: { sessionToken: researcher.sessionToken } });
    await page.getByRole("button", { name: "Invite selected to Interview study" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(
      (await portalDb.participation.findUniqueOrThrow({ where: { id: ada.participationIds["interview-study"]! } }))
        .status,
    ).toBe("ELIGIBLE");
  });
});
