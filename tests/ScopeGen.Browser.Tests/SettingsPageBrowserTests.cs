using System.IO;
using System.Net;
using System.Net.Http;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace ScopeGen.Browser.Tests;

/// <summary>
/// The n8n flow in a real browser: sign in on /settings/api, create a key with two scopes and an
/// expiry, read it from the page, call the API with it (200 on a granted scope, 403 on another),
/// delete it in the page, and see 401. Each failure leaves a screenshot in the test output.
/// </summary>
public sealed class SettingsPageBrowserTests
{
    private readonly ITestOutputHelper output;

    public SettingsPageBrowserTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>
    /// Where screenshots go: the test output directory (bin/…/screenshots). Failures save one; the
    /// happy path also saves the create dialog and the key list (docs/images/settings-api.png is one).
    /// </summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Sign_in_create_a_key_use_it_delete_it_and_it_is_refused()
    {
        await using var server = await SampleServer.StartAsync();
        var profile = Directory.CreateTempSubdirectory("scopegen-chromium-");
        using var driver = Chromium.Start(profile.FullName);
        try
        {
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
            driver.Navigate().GoToUrl(new Uri(server.BaseAddress, "/settings/api"));

            // Sign in with the keyboard only: type, then Enter submits the form.
            var email = wait.Until(d => Visible(d, By.Id("signin-email")));
            email.SendKeys(SampleServer.OwnerEmail);
            driver.FindElement(By.Id("signin-password")).SendKeys(server.OwnerPassword + Keys.Enter);
            wait.Until(d => Visible(d, By.Id("keys")));
            Assert.Contains(SampleServer.OwnerEmail, driver.FindElement(By.Id("session-user")).Text, StringComparison.Ordinal);

            // Create: label, a 7-day expiry, two scopes from the picker.
            driver.FindElement(By.Id("create-key")).Click();
            var label = wait.Until(d => Visible(d, By.Id("key-label")));
            label.SendKeys("browser key");
            driver.FindElement(By.CssSelector("#key-expiration option[value='7']")).Click();
            Assert.Equal("workflow", driver.FindElement(By.CssSelector("#scope-groups fieldset[data-resource='workflow'] legend")).Text);
            Assert.Equal("Workflow scopes", driver.FindElement(By.CssSelector("#scope-groups fieldset[data-resource='workflow'] .resource-description")).Text);
            // Scopes checked with Space, the form submitted with Enter from the label: no mouse needed.
            driver.FindElement(By.Id("scope-workflow-list")).SendKeys(Keys.Space);
            driver.FindElement(By.Id("scope-tag-list")).SendKeys(Keys.Space);
            Assert.Contains("List workflows.", driver.FindElement(By.CssSelector("label:has(#scope-workflow-list)")).Text, StringComparison.Ordinal);
            SaveScreenshot(driver, "settings-api-create-dialog");
            label.SendKeys(Keys.Enter);

            var keyField = wait.Until(d => Visible(d, By.Id("new-key")));
            var key = wait.Until(_ => keyField.GetDomProperty("value") is { Length: > 0 } value ? value : null)!;
            Assert.Matches("^n8n_api_[0-9A-Za-z]{43}$", key);
            SaveScreenshot(driver, "settings-api-key-created");
            driver.FindElement(By.Id("created-done")).Click();

            // The list shows the key masked, its scopes and its expiry, never the key itself.
            var row = wait.Until(d => Visible(d, By.CssSelector("#key-rows tr")));
            Assert.Equal("browser key", row.FindElement(By.CssSelector("td.label")).Text);
            Assert.Equal("n8n_api_****" + key[^4..], row.FindElement(By.CssSelector("td.masked")).Text);
            Assert.Equal("tag:list, workflow:list", row.FindElement(By.CssSelector("td.scopes-summary")).Text);
            var expires = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith(expires, row.FindElement(By.CssSelector("td.expires")).Text, StringComparison.Ordinal);
            Assert.DoesNotContain(key, driver.PageSource, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, await CallAsync(http, "/api/v1/workflows", key));
            Assert.Equal(HttpStatusCode.OK, await CallAsync(http, "/api/v1/tags", key));
            Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(http, "/api/v1/credentials", key));

            // Last used shows after a reload.
            driver.Navigate().Refresh();
            row = wait.Until(d => Visible(d, By.CssSelector("#key-rows tr")));
            Assert.NotEqual("Never used", row.FindElement(By.CssSelector("td.last-used")).Text);
            SaveScreenshot(driver, "settings-api");

            // Delete, confirming with "Delete Forever".
            row.FindElement(By.CssSelector("button.delete-key")).Click();
            var confirm = wait.Until(d => Visible(d, By.Id("confirm-delete")));
            Assert.Contains("browser key", driver.FindElement(By.Id("delete-text")).Text, StringComparison.Ordinal);
            Assert.Equal("Delete Forever", confirm.Text);
            // The dialog opens on Cancel; Tab reaches "Delete Forever", Enter confirms.
            Assert.Equal("delete-cancel", driver.SwitchTo().ActiveElement().GetDomAttribute("id"));
            driver.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
            Assert.Equal("confirm-delete", driver.SwitchTo().ActiveElement().GetDomAttribute("id"));
            driver.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
            wait.Until(d => Visible(d, By.Id("no-keys")));
            Assert.Empty(driver.FindElements(By.CssSelector("#key-rows tr")));

            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(http, "/api/v1/workflows", key));
        }
        catch
        {
            var path = SaveScreenshot(driver, "failure-" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            output.WriteLine("Screenshot of the page at the failure: " + path);
            throw;
        }
        finally
        {
            driver.Quit();
            TryDelete(profile);
        }
    }

    [Fact]
    public async Task Bad_input_in_the_dialog_is_shown_next_to_its_field_and_nothing_is_created()
    {
        await using var server = await SampleServer.StartAsync();
        var profile = Directory.CreateTempSubdirectory("scopegen-chromium-");
        using var driver = Chromium.Start(profile.FullName);
        try
        {
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
            driver.Navigate().GoToUrl(new Uri(server.BaseAddress, "/settings/api"));
            wait.Until(d => Visible(d, By.Id("signin-email"))).SendKeys(SampleServer.OwnerEmail);
            driver.FindElement(By.Id("signin-password")).SendKeys(server.OwnerPassword + Keys.Enter);
            wait.Until(d => Visible(d, By.Id("create-key"))).Click();

            // No label, no scope: the server's problem details land next to each field.
            wait.Until(d => Visible(d, By.Id("create-submit"))).Click();
            wait.Until(d => d.FindElement(By.Id("key-label-error")).Text.Length > 0);
            Assert.Equal("A label is required.", driver.FindElement(By.Id("key-label-error")).Text);
            Assert.Equal("Choose at least one scope.", driver.FindElement(By.Id("key-scopes-error")).Text);
            Assert.Equal("true", driver.FindElement(By.Id("key-label")).GetDomAttribute("aria-invalid"));

            // The "Read-only" shortcut selects exactly the read and list scopes.
            driver.FindElements(By.CssSelector("#preset-buttons button")).Single(button => button.Text == "Read-only").Click();
            var checkedScopes = driver.FindElements(By.CssSelector("#scope-groups input:checked")).Select(box => box.GetDomProperty("value")).ToArray();
            Assert.Equal(N8n.Api.Scopes.Presets.ReadOnly.Order(StringComparer.Ordinal), checkedScopes.Order(StringComparer.Ordinal));

            driver.FindElement(By.Id("create-cancel")).Click();
            Assert.Empty(driver.FindElements(By.CssSelector("#key-rows tr")));
        }
        catch
        {
            var path = SaveScreenshot(driver, "failure-" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            output.WriteLine("Screenshot of the page at the failure: " + path);
            throw;
        }
        finally
        {
            driver.Quit();
            TryDelete(profile);
        }
    }

    private static IWebElement? Visible(IWebDriver driver, By by)
    {
        var element = driver.FindElements(by).FirstOrDefault();
        return element is { Displayed: true } ? element : null;
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient http, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-N8N-API-KEY", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static string SaveScreenshot(ITakesScreenshot driver, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }
}
