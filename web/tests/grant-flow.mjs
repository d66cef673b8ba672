// The grant flow of the browser test: on a DAO whose first proposal opened the "Web grants" program, Carol applies, Bob
// (on the committee) approves, Carol delivers the milestone with its evidence, Bob approves it and the tranche is paid.
import { expectText } from "./support.mjs";

/** Runs the flow from Alice's DAO page; answers nothing, throws on the first thing that is not as expected. */
export async function grantFlow({ gateway, dao, alice, people, connect, shot }) {
  await alice.page.getByTestId("programs").getByRole("link", { name: "Web grants" }).click();
  await expectText(alice.page.getByTestId("program-ledger"), /Free\s*2,000/);
  const programUrl = alice.page.url();
  const { carol, bob } = people;
  await carol.page.goto(programUrl);
  await connect(carol.page);
  const apply = carol.page.getByTestId("apply-form");
  await apply.getByLabel("Title").fill("Course catalogue in Swahili");
  await apply.getByLabel(/^Amount/).fill("1200");
  await apply.getByLabel("Milestone 0").fill("Translated catalogue");
  await apply.getByRole("button", { name: "Sign and apply" }).click();
  await expectText(carol.page.getByTestId("grant-status"), /pending/);
  const grantUrl = carol.page.url();
  await bob.page.goto(grantUrl);
  await connect(bob.page);
  const review = bob.page.getByTestId("review-form");
  await review.getByLabel("Reason").fill("Fits the education goal");
  await review.getByRole("button", { name: "Sign the review" }).click();
  await expectText(bob.page.getByTestId("grant-status"), /active/);
  await carol.page.reload();
  await connect(carol.page);
  const submit = carol.page.getByTestId("submit-milestone-form");
  await submit.getByLabel("Evidence URL").fill("https://example.org/catalogue-sw");
  await submit.getByRole("button", { name: "Sign and submit" }).click();
  await expectText(carol.page.getByTestId("milestones"), /submitted.*https:\/\/example\.org\/catalogue-sw · 0x/);
  await bob.page.reload();
  await connect(bob.page);
  await bob.page.getByTestId("review-milestone-form").getByRole("button", { name: "Sign the milestone review" }).click();
  await expectText(bob.page.getByTestId("grant-status"), /completed.*paid 1,200/);
  await expectText(bob.page.getByTestId("grant-history"), /milestone-paid/);
  await shot(bob.page, "grant");
  await alice.page.goto(`${gateway}/app/daos/${dao}`);
  await expectText(alice.page.getByTestId("sdg"), /SDG 4 Quality Education/);
}
