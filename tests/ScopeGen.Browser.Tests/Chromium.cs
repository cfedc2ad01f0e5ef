using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using OpenQA.Selenium.Chrome;

namespace ScopeGen.Browser.Tests;

/// <summary>
/// Debian's headless Chromium and its chromedriver. When they are missing and the tests run as root
/// (as in CI), the set-up installs them with apt-get; otherwise it fails with what to run. Never skipped.
/// </summary>
public static class Chromium
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private static readonly object InstallLock = new();
    private static bool installed;

    /// <summary>Installs Chromium and chromedriver when missing (once per test run).</summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (installed || (File.Exists(BrowserPath) && File.Exists(DriverPath)))
            {
                installed = true;
                return;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException($"The browser tests need Debian's chromium and chromium-driver ({BrowserPath}, {DriverPath}); this machine has no apt-get to install them.");
            }

            if (geteuid() != 0)
            {
                throw new InvalidOperationException($"The browser tests need {BrowserPath} and {DriverPath}. Install them as root: apt-get update && apt-get install -y chromium chromium-driver");
            }

            Run("apt-get", "update");
            Run("apt-get", "install -y chromium chromium-driver");
            if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
            {
                throw new InvalidOperationException($"apt-get install chromium chromium-driver succeeded but {BrowserPath} or {DriverPath} is still missing.");
            }

            installed = true;
        }
    }

    /// <summary>A headless Chromium with a fresh profile; dispose it to end the browser and its profile directory.</summary>
    public static ChromeDriver Start(string profileDirectory)
    {
        EnsureInstalled();
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1000",
            "--user-data-dir=" + profileDirectory);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
