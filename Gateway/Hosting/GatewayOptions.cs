using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>The Gateway's settings, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Chain id of the EIP-712 signing domain; a signature made for another chain recovers another signer.</summary>
    public long ChainId { get; set; } = 412346;

    /// <summary>
    /// The development key operators send in <c>X-Api-Key</c>, holding every scope; empty with no <see cref="OperatorKeys"/>
    /// means a random key is generated at startup and printed.
    /// </summary>
    public string OperatorApiKey { get; set; } = "";

    /// <summary>Named operator keys, stored as hashes, each with its scopes; re-read when configuration changes.</summary>
    public List<OperatorKeyOptions> OperatorKeys { get; set; } = [];

    /// <summary>How old a signed message's timestamp may be.</summary>
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead of the Gateway's clock a signed message's timestamp may be (client clock skew).</summary>
    public TimeSpan SignatureFutureSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest request body Kestrel accepts; bigger ones are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How often the Gateway renews its one watch per live proposal: also how soon it re-subscribes after a silo failure and
    /// the longest a lost push leaves watchers behind. Must stay under the proposal's watch expiry (one minute).
    /// </summary>
    public TimeSpan LiveTallyRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    public const string ValidationMessage =
        "Gateway settings are invalid: ChainId and MaxRequestBodyBytes must be positive, SignatureMaxAge positive "
        + "and SignatureFutureSkew not negative; LiveTallyRenewInterval positive and under a minute; every OperatorKeys entry needs a name, a 64-hex-digit Sha256 and known scopes "
        + "(daos, balances, deposits, reputation, dashboard, *).";

    /// <summary>Refuses settings that would make every signed request fail (or none expire) before the Gateway starts.</summary>
    public static bool IsValid(GatewayOptions o) =>
        o.ChainId > 0 && o.MaxRequestBodyBytes > 0 && o.SignatureMaxAge > TimeSpan.Zero && o.SignatureFutureSkew >= TimeSpan.Zero
        && o.LiveTallyRenewInterval > TimeSpan.Zero && o.LiveTallyRenewInterval < ProposalWatch.Expiry
        && o.OperatorKeys.All(k => !string.IsNullOrWhiteSpace(k.Name) && k.Sha256.Length == 64
            && k.Sha256.All(Uri.IsHexDigit) && k.Scopes.Count > 0 && k.Scopes.All(OperatorScopes.Known.Contains));
}
