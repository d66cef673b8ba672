namespace Blocktrack.Chain.Rpc;

/// <summary>A block selector for JSON-RPC: a number or one of the tags <c>latest</c>, <c>pending</c>, <c>safe</c>, <c>finalized</c>, <c>earliest</c>.</summary>
public readonly record struct BlockTag
{
    private BlockTag(string value) => Value = value;

    /// <summary>The JSON-RPC form: a hex quantity or a tag.</summary>
    public string Value { get; }

    public static BlockTag Latest { get; } = new("latest");
    public static BlockTag Pending { get; } = new("pending");
    public static BlockTag Safe { get; } = new("safe");
    public static BlockTag Finalized { get; } = new("finalized");
    public static BlockTag Earliest { get; } = new("earliest");

    public static BlockTag Number(long number) =>
        number >= 0 ? new(HexQuantity.From(number)) : throw new ArgumentOutOfRangeException(nameof(number), number, "Block numbers cannot be negative.");

    public static implicit operator BlockTag(long number) => Number(number);

    public override string ToString() => Value ?? "latest";
}
