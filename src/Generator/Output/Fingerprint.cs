using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PPNBlog.Generator.Output;

/// <summary>
/// Hashes what a file is made from (see <see cref="SiteOutput.Unchanged"/>): equal inputs, equal fingerprint. A value
/// that allocates nothing, as serve fingerprints every page of the site on every rebuild.
/// </summary>
public readonly struct Fingerprint
{
    private readonly ulong _value;

    private Fingerprint(ulong value) => _value = value;

    /// <summary>Adds a string (its length too, so "ab"+"c" and "a"+"bc" differ).</summary>
    public Fingerprint Add(string text) => Add(text.Length).Add((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan())));

    /// <summary>Adds a number.</summary>
    public Fingerprint Add(long value)
    {
        // Mix the running value with the new one (the 64-bit finaliser of MurmurHash3): order matters, bits spread.
        var x = (_value ^ (ulong)value) + 0x9E3779B97F4A7C15UL + (_value << 6) + (_value >> 2);
        x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDUL;
        x = (x ^ (x >> 33)) * 0xC4CEB9FE1A85EC53UL;
        return new Fingerprint(x ^ (x >> 33));
    }

    /// <summary>The fingerprint of everything added.</summary>
    public ulong Value => _value;
}
