using System.Text.Json.Nodes;

namespace Blocktrack.Tests.Support;

/// <summary>A signed EIP-712 message ready to send: the request body <c>{ message, signature }</c> and its digest.</summary>
public sealed record SignedMessage(JsonObject Message, string Signature, string Digest)
{
    /// <summary>The JSON body, built once so retries send exactly the same bytes.</summary>
    public string Body { get; } = new JsonObject { ["message"] = Message.DeepClone(), ["signature"] = Signature }.ToJsonString();

    /// <summary>The body as a fresh JSON object (a node can have only one parent, so each call builds a new one).</summary>
    public JsonObject Envelope => new() { ["message"] = Message.DeepClone(), ["signature"] = Signature };
}
