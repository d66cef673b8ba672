// The Gateway's JSON API, same origin only. Refusals arrive as RFC 9457 problem documents.

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
}

type Listener = (unavailable: boolean) => void;
const listeners = new Set<Listener>();

/**
 * The 503 banner listens here. A 503 (or no answer) raises it; only the banner's own /readyz check lowers it, because
 * an answer from the Gateway alone (say /eip712) says nothing of the cluster behind it. Pages reload on recovery.
 */
export function onAvailability(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function report(unavailable: boolean) {
  listeners.forEach((l) => l(unavailable));
}

export const reportRecovered = () => report(false);

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = await response.json();
    return {
      status: response.status,
      code: String(body.code ?? "error"),
      title: String(body.title ?? response.statusText),
      detail: String(body.detail ?? body.title ?? response.statusText),
    };
  } catch {
    return { status: response.status, code: "error", title: response.statusText, detail: `HTTP ${response.status}` };
  }
}

export async function request<T>(method: string, path: string, body?: unknown, apiKey?: string): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (apiKey) headers["x-api-key"] = apiKey;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    report(true);
    throw new ApiError({ status: 0, code: "network", title: "Gateway unreachable", detail: "The Gateway did not answer." });
  }
  if (response.status === 503) report(true);
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (await response.json()) as T;
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body: unknown, apiKey?: string) => request<T>("POST", path, body, apiKey);

/** A path segment list as the Gateway routes it (DAO paths keep their slashes). */
export const enc = (path: string) => path.split("/").map(encodeURIComponent).join("/");

// The shapes the app reads (a subset of the OpenAPI document's schemas).

export interface ProposalClass {
  name: string;
  quorumBps: number;
  approvalThresholdBps: number;
  votingDelay: string;
  votingPeriod: string;
  lateQuorumExtension: string;
  timelockDelay: string;
  gracePeriod: string;
  proposalThreshold: string;
  powerSource: { kind: string; token: string; tokens: string[]; weights: Record<string, string>; domain: string };
  allowBallotChange: boolean;
  allowedActions: string;
  counting: string;
  proposerRole: string | null;
  superQuorumBps: number;
  personhoodRegistry: string | null;
  countsChoices: boolean;
}

export interface Constitution {
  version: number;
  classes: ProposalClass[];
  subDaoBounds: Record<string, unknown> | null;
  adoptedBy: string | null;
  adoptedAt: string;
  retiredOperatorCapabilities?: string[] | string;
}

export interface DaoInfo {
  path: string;
  displayName: string;
  parent: string | null;
  createdAt: string;
  constitution: Constitution;
  roles: { coordinators: string[]; committee: string[]; guardian: string | null; moderators: string[] };
  subDaos: string[];
  proposalCount: number;
  treasury: Record<string, string>;
  createdBy: string | null;
  rewardBudgets: { asset: string; amountPerEpoch: string; firstEpoch?: number; epochs: number }[];
  custody?: "ledger" | "onChain";
  onChainTreasury?: OnChainTreasury | null;
}

/** An account on chain the DAO's treasury is mirrored from (docs/API.md "A treasury held on chain"). */
export interface OnChainTreasury {
  chain: number;
  account: string;
  assets: { asset: string; token: string; balance: string }[];
  mirroredBlock: number;
}

export interface Tally {
  for: string;
  against: string;
  abstain: string;
  voters: number;
  quorumPower: string;
  choiceSums: string[];
  outcome: { scores?: string[]; winner?: number | null } | null;
}

export interface ProposalInfo {
  id: string;
  dao: string;
  seq: number;
  proposer: string;
  title: string;
  description: string;
  actions: Action[];
  class: ProposalClass;
  constitutionVersion: number;
  state: string;
  createdAt: string;
  snapshot: string;
  deadline: string;
  deadlineExtended: boolean;
  eta: string | null;
  executedAt: string | null;
  tally: Tally;
  votableSupply: string | null;
  quorumRequired: string | null;
  executionError: string | null;
  canceledBy: string | null;
  vetoedBy: string | null;
  vetoReason: string | null;
  ballotSetHash: string | null;
  choices: { label: string; actions: Action[] }[];
}

export type Action = Record<string, unknown> & { type: string };

export interface ProposalSummary {
  id: string;
  title: string;
  class: string;
  proposer: string;
  state: string;
  createdAt: string;
  hidden: boolean;
}

export interface Page<T> {
  items: T[];
  total?: number;
  offset: number;
  limit: number;
  hidden?: string[];
}

export interface Ballot {
  voter: string;
  support: string;
  weight: string;
  reason: string;
  timestamp: number;
  digest: string;
  recordedAt: string;
  choices: number[];
  weights: number[];
}

export interface VoterInfo {
  address: string;
  token: string;
  balance: string;
  delegate: string | null;
  votes: string;
}

export interface AnchorCheck {
  record: { hash?: string; ballotSetHash?: string; chain?: number; transaction?: string | null } | null;
  onChain: boolean;
  onChainHash: string | null;
  onChainState: number | null;
  matches: boolean;
}

/** A ballot of the voter's, on a closed proposal, from GET /voters/{address}/ballots. */
export interface VoterBallot {
  proposal: string;
  dao: string;
  closedAt: number;
  support: string;
  choices: number[];
  weights: number[];
  weight: string;
  power: string;
  reason: string;
  reasonHidden: boolean;
  timestamp: number;
  recordedAt: string;
}

export interface ModerationAction {
  seq: number;
  proposal: string;
  voter: string | null;
  hidden: boolean;
  moderator: string;
  reason: string;
  at: string;
  digest: string;
  reverses: number | null;
}

export interface PersonhoodRecord {
  dao: string;
  address: string;
  at: number;
  attested: boolean;
  since: number | null;
  history: { attested: boolean; at: number; attester: string | null; proposal: string | null; actionIndex: number | null }[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorKind: string;
  actor: string;
  act: string;
  subject: string;
  detail: string;
  traceId: string | null;
  cause: string;
  previousHash: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
  anchoredSeq: number | null;
  anchoredHash: string | null;
  anchor: AnchorCheck | null;
}

export interface AuditVerification {
  verified: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  problem: string | null;
  recomputedHash: string;
  head: AuditHead;
}
