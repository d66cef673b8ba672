namespace Blocktrack.Gateway;

/// <summary>
/// One named operator key (configuration <c>Gateway:OperatorKeys:n</c>): only the SHA-256 of the key is stored, and the
/// scopes say which operator endpoints it opens. Keys are read again whenever configuration changes, so a key is
/// added, rotated or revoked by editing appsettings.json (or another reloading source), without a restart.
/// </summary>
public sealed class OperatorKeyOptions
{
    /// <summary>Who holds the key, as logs and problem details name it (never the key itself).</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hex digits (e.g. <c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>
    /// <c>daos</c> (found root DAOs), <c>balances</c>, <c>deposits</c>, <c>reputation</c>, or <c>*</c> for every one.
    /// </summary>
    public List<string> Scopes { get; set; } = [];
}
