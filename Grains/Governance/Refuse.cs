using System.Runtime.CompilerServices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>Shorthand for raising a typed refusal.</summary>
public static class Refuse
{
    public static GovernanceException With(GovernanceError error, string message) => new(error, message);

    public static void Unless(bool condition, GovernanceError error, string message)
    {
        if (!condition) throw new GovernanceException(error, message);
    }

    /// <summary>
    /// The same with an interpolated message, which is formatted only when the condition fails: a check that passes (every
    /// accepted ballot passes a dozen) allocates nothing.
    /// </summary>
    public static void Unless(
        bool condition, GovernanceError error, [InterpolatedStringHandlerArgument(nameof(condition))] ref RefusalMessage message)
    {
        if (!condition) throw new GovernanceException(error, message.ToStringAndClear());
    }
}

/// <summary>The message of <see cref="Refuse.Unless(bool, GovernanceError, ref RefusalMessage)"/>: built only for a refusal.</summary>
[InterpolatedStringHandler]
public ref struct RefusalMessage
{
    private DefaultInterpolatedStringHandler _text;

    public RefusalMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => _text.AppendFormatted(value, alignment, format);

    public void AppendFormatted(ReadOnlySpan<char> value) => _text.AppendFormatted(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    internal string ToStringAndClear() => _text.ToStringAndClear();
}
