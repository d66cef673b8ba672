using System.Buffers;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace Blocktrack.Grains.State;

/// <summary>
/// What a ballot reads of a stored <see cref="VoterState"/>: its token positions and nothing else. A voter's payload
/// deserializes into either type (the field ids match), so a shard reading a voter's power does not build the voter's
/// outboxes and its applied-transfer, used-message and report maps. VoterPowerStateTests pin it to VoterState's fields.
/// Its codec is <see cref="VoterPowerStateCodec"/>, not a generated one.
/// </summary>
[Alias("bt.VoterPowerState")]
public sealed class VoterPowerState
{
    /// <summary><see cref="VoterState.Tokens"/>.</summary>
    public Dictionary<string, TokenPosition> Tokens { get; set; } = [];
}

/// <summary>
/// Reads <see cref="VoterPowerState"/> from a stored <see cref="VoterState"/> payload and stops after field 0, the token
/// positions. A generated codec would walk the rest of the object to its end, and Orleans' reader allocates a marker for
/// each field it skips (a voter's maps hold many): stopping cut what a ballot allocated in the silo by 5 %. Stopping
/// early is sound only for a payload's top-level object, which is all grain storage reads; a VoterPowerState nested in
/// another object would leave the reader inside it, so it must never be a field or a grain call's argument. Fields are
/// written in id order and refer back only to what came before, so nothing after field 0 is needed to read field 0.
/// </summary>
[RegisterSerializer]
public sealed class VoterPowerStateCodec(ICodecProvider codecs) : IFieldCodec<VoterPowerState>
{
    private readonly IFieldCodec<Dictionary<string, TokenPosition>> _tokens = codecs.GetCodec<Dictionary<string, TokenPosition>>();

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType,
        VoterPowerState? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value)) return;
        writer.WriteStartObject(fieldIdDelta, expectedType, typeof(VoterPowerState));
        _tokens.WriteField(ref writer, 0, typeof(Dictionary<string, TokenPosition>), value!.Tokens);
        writer.WriteEndObject();
    }

    public VoterPowerState ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.IsReference) return ReferenceCodec.ReadReference<VoterPowerState, TInput>(ref reader, field)!;
        field.EnsureWireTypeTagDelimited();
        var result = new VoterPowerState();
        ReferenceCodec.RecordObject(reader.Session, result);
        Field header = default;
        reader.ReadFieldHeader(ref header);
        // Field 0 comes first when present; an object that ends, or starts at a later field, holds no token positions.
        if (!header.IsEndBaseOrEndObject && header.FieldIdDelta == 0)
            result.Tokens = _tokens.ReadValue(ref reader, header) ?? [];
        return result;
    }
}
