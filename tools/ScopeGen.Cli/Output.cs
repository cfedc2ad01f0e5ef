using System;
using System.IO;
using System.Text;

namespace ScopeGen.Cli;

/// <summary>Writes a command's result to standard output or to the <c>--output</c> file.</summary>
public static class Output
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, or to <paramref name="stdout"/> when it is null.</summary>
    public static void Write(string command, string? path, string text, TextWriter stdout)
    {
        if (path is null)
        {
            stdout.Write(text);
            return;
        }

        WriteFile(command, path, text, overwrite: true);
    }

    /// <summary>Writes a file; <paramref name="overwrite"/> false refuses an existing file.</summary>
    public static void WriteFile(string command, string path, string text, bool overwrite)
    {
        try
        {
            using var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, Utf8NoBom);
            writer.Write(text);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            throw new CliException(ExitCodes.CannotWrite, $"'{path}' already exists; use --force to overwrite it", command);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.CannotWrite, $"cannot write '{path}': {exception.Message}", command);
        }
    }
}
