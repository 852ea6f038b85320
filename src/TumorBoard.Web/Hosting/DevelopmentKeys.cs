using System.Security.Cryptography;

namespace TumorBoard.Web.Hosting;

/// <summary>
/// The keys a development start makes for itself (the audit checkpoint key, the analytics pseudonym key) under .data/:
/// read from the file, or 32 random bytes (Base64) written into it when missing, readable by the owner only. Only the
/// first of two racing starts writes it; the other reads what was written. Never used outside Development.
/// </summary>
public static class DevelopmentKeys
{
    public static string ReadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException) when (File.Exists(path)) { /* generated before, or by a start at the same moment */ }
        // a racing start may see the file before its writer has flushed: wait for the key (at most a second)
        for (var attempt = 0; ; attempt++)
        {
            var key = File.ReadAllText(path).Trim();
            if (key.Length > 0 || attempt == 20) return key;
            Thread.Sleep(50);
        }
    }
}
