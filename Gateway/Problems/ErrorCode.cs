namespace Blocktrack.Gateway;

/// <summary>A stable, kebab-case refusal code with the HTTP status and title it is always answered with.</summary>
public sealed record ErrorCode(string Code, int Status, string Title)
{
    /// <summary>The RFC 9457 <c>type</c> URI: stable and unique per code, documented in docs/API.md.</summary>
    public string TypeUri => "urn:blocktrack:problem:" + Code;
}
