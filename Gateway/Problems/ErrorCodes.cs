using System.Reflection;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Every code the Gateway answers with — the one table that docs/API.md documents.</summary>
public static class ErrorCodes
{
    // Request shape and signatures.
    public static readonly ErrorCode MalformedRequest = new("malformed-request", 400, "Malformed request");
    public static readonly ErrorCode SignatureMalformed = new("signature-malformed", 400, "Malformed signature");
    public static readonly ErrorCode InvalidAddress = new("invalid-address", 400, "Invalid address");
    public static readonly ErrorCode InvalidDaoPath = new("invalid-dao-path", 400, "Invalid DAO path");
    public static readonly ErrorCode InvalidActions = new("invalid-actions", 400, "Invalid proposal actions");
    public static readonly ErrorCode ProposalMismatch = new("proposal-mismatch", 400, "Signed proposal differs from the route");
    public static readonly ErrorCode DaoMismatch = new("dao-mismatch", 400, "Signed DAO differs from the route");
    public static readonly ErrorCode GrantMismatch =
        new("grant-mismatch", 400, "Signed program, grant or milestone differs from the route");
    public static readonly ErrorCode AddressMismatch = new("address-mismatch", 400, "Signed address differs from the route");
    public static readonly ErrorCode SignatureInvalid = new("signature-invalid", 401, "Signature does not match the acting address");
    public static readonly ErrorCode MessageStale = new("message-stale", 401, "Signed message is stale or from the future");
    public static readonly ErrorCode ApiKeyInvalid = new("api-key-invalid", 401, "Operator API key missing or wrong");

    // Abuse limits at the edge.
    public static readonly ErrorCode RateLimited = new("rate-limited", 429, "Too many requests");
    public static readonly ErrorCode ApiKeyLockedOut = new("api-key-locked-out", 429, "Locked out after repeated wrong operator keys");

    // HTTP plumbing.
    public static readonly ErrorCode NotFound = new("not-found", 404, "No such route");
    public static readonly ErrorCode MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed");
    public static readonly ErrorCode RequestTimeout = new("request-timeout", 408, "Request body arrived too slowly");
    public static readonly ErrorCode PayloadTooLarge = new("payload-too-large", 413, "Request body too large");
    public static readonly ErrorCode UnsupportedMediaType = new("unsupported-media-type", 415, "Request body must be application/json");
    public static readonly ErrorCode InternalError = new("internal-error", 500, "Internal error");
    public static readonly ErrorCode ShuttingDown = new("shutting-down", 503, "This Gateway is shutting down; retry on another");
    public static readonly ErrorCode ClusterUnavailable = new("cluster-unavailable", 503, "Governance cluster unavailable");

    // Mirrored chains.
    public static readonly ErrorCode ChainNotFound = new("chain-not-found", 404, "Chain not configured");
    public static readonly ErrorCode GovernorNotFound = new("governor-not-found", 404, "Governor not mirrored");
    public static readonly ErrorCode ChainUnhealthy = new("chain-unhealthy", 503, "Chain watcher unhealthy");

    // Analytics.
    public static readonly ErrorCode InvalidPeriod = new("invalid-period", 400, "Invalid reporting period");

    // Refusals by the grains (GovernanceError).
    public static readonly ErrorCode InvalidArgument = new("invalid-argument", 400, "Invalid argument");
    public static readonly ErrorCode DaoNotFound = new("dao-not-found", 404, "DAO not found");
    public static readonly ErrorCode DaoExists = new("dao-exists", 409, "DAO already exists");
    public static readonly ErrorCode ProposalNotFound = new("proposal-not-found", 404, "Proposal not found");
    public static readonly ErrorCode UnknownClass = new("unknown-class", 422, "Unknown proposal class");
    public static readonly ErrorCode ProposalNotActive = new("proposal-not-active", 409, "Proposal is not open for voting");
    public static readonly ErrorCode InvalidState = new("invalid-state", 409, "Proposal is not in a state that allows this");
    public static readonly ErrorCode AlreadyVoted = new("already-voted", 409, "Voter has already voted");
    public static readonly ErrorCode StaleBallot = new("stale-ballot", 409, "A newer ballot of this voter is already counted");
    public static readonly ErrorCode InsufficientPower = new("insufficient-power", 403, "No voting power at the snapshot");
    public static readonly ErrorCode BelowProposalThreshold = new("below-proposal-threshold", 403, "Below the proposal threshold");
    public static readonly ErrorCode NotAuthorized = new("not-authorized", 403, "Not authorized");
    public static readonly ErrorCode ConstitutionViolation = new("constitution-violation", 422, "Constitution violation");
    public static readonly ErrorCode ActionNotAllowed = new("action-not-allowed", 422, "Action not allowed for this class");
    public static readonly ErrorCode InsufficientFunds = new("insufficient-funds", 422, "Insufficient treasury funds");
    public static readonly ErrorCode Replayed = new("replayed", 409, "Signed message already used");
    public static readonly ErrorCode StaleTimepoint = new("stale-timepoint", 409, "Timepoint is older than the latest one recorded");
    public static readonly ErrorCode InvalidChoice = new("invalid-choice", 400, "Choices do not fit the proposal's counting type");
    public static readonly ErrorCode NotAttested = new("not-attested", 403, "Voter was not attested as a unique person at the snapshot");
    public static readonly ErrorCode BallotNotFound = new("ballot-not-found", 404, "No ballot of this voter");
    public static readonly ErrorCode EpochClosed = new("epoch-closed", 409, "The reward epoch has closed");
    public static readonly ErrorCode ChainOwned = new("chain-owned", 403, "The token is mirrored from a chain; only its watcher writes it");
    public static readonly ErrorCode ApiKeyScope = new("api-key-scope", 403, "The operator key does not hold this action's scope");
    public static readonly ErrorCode OperatorRetired = new("operator-retired", 403, "The DAO has retired this operator capability");
    public static readonly ErrorCode EpochNotFound = new("epoch-not-found", 404, "No such reward epoch");
    public static readonly ErrorCode NoOnChainTreasury =
        new("no-onchain-treasury", 404, "The DAO's treasury is the cluster's ledger; it has no on-chain account");
    public static readonly ErrorCode TreasuryAccountTaken =
        new("treasury-account-taken", 409, "The on-chain account is another DAO's treasury, or a bound asset would change token");
    public static readonly ErrorCode AccountNotControlled =
        new("account-not-controlled", 422, "The cluster's executor does not drive this on-chain account");
    public static readonly ErrorCode ProgramNotFound = new("program-not-found", 404, "No such grant program");
    public static readonly ErrorCode GrantNotFound = new("grant-not-found", 404, "No such grant");
    public static readonly ErrorCode SdgCapExceeded =
        new("sdg-cap-exceeded", 422, "The amount would take a Sustainable Development Goal past its cap for the period");
    public static readonly ErrorCode PaymentFailed =
        new("payment-failed", 502, "The on-chain payment failed; nothing was recorded, try again");

    /// <summary>The code for a grain's refusal; every <see cref="GovernanceError"/> has exactly one.</summary>
    public static ErrorCode For(GovernanceError error) => error switch
    {
        GovernanceError.InvalidArgument => InvalidArgument,
        GovernanceError.DaoNotFound => DaoNotFound,
        GovernanceError.DaoExists => DaoExists,
        GovernanceError.ProposalNotFound => ProposalNotFound,
        GovernanceError.UnknownClass => UnknownClass,
        GovernanceError.ProposalNotActive => ProposalNotActive,
        GovernanceError.InvalidState => InvalidState,
        GovernanceError.AlreadyVoted => AlreadyVoted,
        GovernanceError.StaleBallot => StaleBallot,
        GovernanceError.InsufficientPower => InsufficientPower,
        GovernanceError.BelowProposalThreshold => BelowProposalThreshold,
        GovernanceError.NotAuthorized => NotAuthorized,
        GovernanceError.ConstitutionViolation => ConstitutionViolation,
        GovernanceError.ActionNotAllowed => ActionNotAllowed,
        GovernanceError.InsufficientFunds => InsufficientFunds,
        GovernanceError.Replayed => Replayed,
        GovernanceError.StaleTimepoint => StaleTimepoint,
        GovernanceError.InvalidChoice => InvalidChoice,
        GovernanceError.NotAttested => NotAttested,
        GovernanceError.BallotNotFound => BallotNotFound,
        GovernanceError.EpochClosed => EpochClosed,
        GovernanceError.EpochNotFound => EpochNotFound,
        GovernanceError.ChainOwned => ChainOwned,
        GovernanceError.OperatorRetired => OperatorRetired,
        GovernanceError.TreasuryAccountTaken => TreasuryAccountTaken,
        GovernanceError.AccountNotControlled => AccountNotControlled,
        GovernanceError.ProgramNotFound => ProgramNotFound,
        GovernanceError.GrantNotFound => GrantNotFound,
        GovernanceError.SdgCapExceeded => SdgCapExceeded,
        GovernanceError.PaymentFailed => PaymentFailed,
        // A code added to the contract but not here yet is still the client's problem, not a 500.
        _ => InvalidArgument,
    };

    /// <summary>The code for an HTTP status the framework produced without one of ours (unknown route, wrong method).</summary>
    public static ErrorCode ForStatus(int status) => status switch
    {
        404 => NotFound,
        405 => MethodNotAllowed,
        408 => RequestTimeout,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        503 => ClusterUnavailable,
        >= 500 => InternalError,
        _ => MalformedRequest,
    };

    /// <summary>Every code, for documentation checks.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode))
        .Select(f => (ErrorCode)f.GetValue(null)!)
        .ToArray();
}
