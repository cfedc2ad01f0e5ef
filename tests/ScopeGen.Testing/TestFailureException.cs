using System;

namespace ScopeGen.Testing;

/// <summary>
/// A failed check inside these helpers (a snapshot mismatch, a process that hung or exited early). The helpers
/// throw their own type instead of xunit's so that this project references no xunit at all: test projects on
/// xunit v2 and the analyzer tests on xunit.v3 (which Stryker's MTP runner needs) can both use it, and every
/// test framework reports an unexpected exception as a failed test with its message.
/// </summary>
public sealed class TestFailureException : Exception
{
    public TestFailureException(string message)
        : base(message)
    {
    }
}
