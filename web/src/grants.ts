// The Gateway's grant programs, grants and SDG report, as the app reads them.

export interface ProgramLedger {
  budget: string;
  reserved: string;
  paid: string;
  returned: string;
  free: string;
}

export interface GrantProgramTerms {
  name: string;
  asset: string;
  budget: string;
  applicationsOpen: number;
  applicationsClose: number;
  endsAt: number;
  approvals: number;
  maxGrant: string;
  sdgs: number[];
}

export interface GrantSummary {
  number: number;
  applicant: string;
  title: string;
  amount: string;
  status: string;
  nextDue: number | null;
}

export interface GrantProgramInfo {
  id: string;
  dao: string;
  number: number;
  terms: GrantProgramTerms;
  openedBy: string;
  ledger: ProgramLedger;
  closed: boolean;
  grantCount: number;
  grants: GrantSummary[];
  overdue: number;
  accepting: boolean;
}

export interface MilestoneInfo {
  index: number;
  plan: { description: string; shareBps: number; due: number };
  amount: string;
  status: string;
  evidenceUrl: string | null;
  evidenceHash: string | null;
  overdue: boolean;
  approvals: string[];
  rejections: string[];
  transaction: { hash: string } | null;
}

export interface GrantEvent {
  at: string;
  actor: string;
  kind: string;
  milestone: number | null;
  reason: string;
  cause: string;
}

export interface GrantInfo {
  id: string;
  dao: string;
  program: number;
  number: number;
  application: { applicant: string; title: string; description: string; amount: string; recipient: string; sdgs: number[] };
  status: string;
  asset: string;
  paid: string;
  clawedBack: string;
  milestones: MilestoneInfo[];
  approvals: string[];
  rejections: string[];
  cancellations: string[];
  history: GrantEvent[];
}

export interface SdgFigures {
  goal: number;
  allocated: Record<string, string>;
  paid: Record<string, string>;
  grants: number;
  proposals: number;
  proposalsDecided: number;
  meanTurnoutBps: number;
}

export interface SdgReport {
  dao: string;
  period: number;
  starts: string;
  ends: string;
  goals: SdgFigures[];
  caps: { goal: number; asset: string; amount: string }[];
}

/** The UN Sustainable Development Goals, by number. */
export const sdgNames: Record<number, string> = {
  1: "No Poverty", 2: "Zero Hunger", 3: "Good Health", 4: "Quality Education", 5: "Gender Equality", 6: "Clean Water",
  7: "Clean Energy", 8: "Decent Work", 9: "Industry and Innovation", 10: "Reduced Inequalities", 11: "Sustainable Cities",
  12: "Responsible Consumption", 13: "Climate Action", 14: "Life Below Water", 15: "Life on Land", 16: "Peace and Justice",
  17: "Partnerships",
};

export const sdgLabel = (goal: number) => `SDG ${goal} ${sdgNames[goal] ?? ""}`.trim();

export const programPath = (dao: string, n: number) => `/daos/${dao}/programs/${n}`;
export const grantPath = (dao: string, n: number, m: number) => `${programPath(dao, n)}/grants/${m}`;
