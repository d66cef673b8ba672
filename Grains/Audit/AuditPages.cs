namespace Blocktrack.Grains.Audit;

/// <summary>
/// Where an entry lives: page <c>(seq - 1) / Size</c>, slot <c>(seq - 1) % Size</c>. A constant, not an option: a changed size
/// would move every stored entry. Small enough that rewriting one page per append stays cheap and bounded.
/// </summary>
public static class AuditPages
{
    public const int Size = 128;

    public static long PageOf(long seq) => (seq - 1) / Size;

    public static int SlotOf(long seq) => (int)((seq - 1) % Size);

    public static long FirstSeqOf(long page) => page * Size + 1;
}
