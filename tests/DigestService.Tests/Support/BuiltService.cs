using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DigestService.Tests.Support;

/// <summary>
/// The built service (<c>dotnet DigestService.dll VERB …</c>) as a real child process, configured through environment
/// variables as in production, with its output collected and SIGTERM at hand.
/// </summary>
public sealed class BuiltService : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public BuiltService(TestApp app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "DigestService.dll") }.Concat(args))
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in app.Settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public Task<string> Output => _stdout;

    public Task<string> Error => _stderr;

    public void Kill() => _process.Kill();

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and <c>systemctl stop</c> do.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, 15) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastWin32Error()}");
    }

    /// <summary>Waits for the process to end, at most <paramref name="limit"/>; how long it took.</summary>
    public async Task<TimeSpan> WaitForExitAsync(TimeSpan limit)
    {
        var started = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"the service did not exit within {limit}; stderr:\n{await _stderr}");
        }
        return started.Elapsed;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
