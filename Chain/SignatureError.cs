namespace Blocktrack.Chain;

/// <summary>Why a signature was refused, so callers can map it to a precise client error.</summary>
public enum SignatureError
{
    InvalidLength,
    InvalidV,
    InvalidR,
    InvalidS,
    HighS,
    Unrecoverable,
}
