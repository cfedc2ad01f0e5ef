// The settings page: plain JavaScript against the /rest routes, no build step. Every state change
// sends the antiforgery token (GET /rest/antiforgery) in the X-XSRF-TOKEN header.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  let antiforgery = null;
  let grantable = { scopes: [], presets: [] };
  let pendingDelete = null;

  async function refreshAntiforgery() {
    const response = await fetch("/rest/antiforgery", { credentials: "same-origin" });
    const body = await response.json();
    antiforgery = { header: body.headerName, token: body.token };
  }

  async function send(method, url, body) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET") {
      headers[antiforgery.header] = antiforgery.token;
    }
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(url, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  function formatDate(value) {
    return value ? new Date(value).toISOString().slice(0, 16).replace("T", " ") + " UTC" : null;
  }

  function setStatus(text) {
    $("status").textContent = text;
  }

  // ---- sign in / out ----

  async function showSignedIn(user) {
    $("signin").hidden = true;
    $("keys").hidden = false;
    $("session").hidden = false;
    $("session-user").textContent = user.email + " (" + user.role + ")";
    const scopes = await send("GET", "/rest/api-keys/scopes");
    grantable = scopes.body;
    buildScopePicker();
    await loadKeys();
  }

  function showSignedOut() {
    $("signin").hidden = false;
    $("keys").hidden = true;
    $("session").hidden = true;
    $("signin-email").focus();
  }

  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("signin-error").textContent = "";
    const result = await send("POST", "/rest/login", { email: $("signin-email").value, password: $("signin-password").value });
    if (result.status !== 200) {
      $("signin-error").textContent = (result.body && result.body.title) || "Sign-in failed.";
      return;
    }
    $("signin-password").value = "";
    await refreshAntiforgery(); // the token is bound to the signed-in user
    await showSignedIn(result.body);
    setStatus("Signed in as " + result.body.email + ".");
  });

  $("signout").addEventListener("click", async () => {
    await send("POST", "/rest/logout");
    await refreshAntiforgery();
    showSignedOut();
    setStatus("Signed out.");
  });

  // ---- key list ----

  function scopesSummary(scopes) {
    if (grantable.scopes.length > 0 && scopes.length === grantable.scopes.length) {
      return "All scopes (" + scopes.length + ")";
    }
    if (scopes.length <= 3) {
      return scopes.join(", ");
    }
    return scopes.slice(0, 3).join(", ") + " and " + (scopes.length - 3) + " more";
  }

  async function loadKeys() {
    const result = await send("GET", "/rest/api-keys");
    const rows = $("key-rows");
    rows.replaceChildren();
    for (const key of result.body) {
      const row = document.createElement("tr");
      row.dataset.keyId = key.id;
      const cells = [
        key.label,
        key.maskedKey,
        scopesSummary(key.scopes),
        formatDate(key.expiresAt) || "Never",
        formatDate(key.lastUsedAt) || "Never used",
      ];
      cells.forEach((text, index) => {
        const cell = document.createElement("td");
        cell.textContent = text;
        cell.className = ["label", "masked", "scopes-summary", "expires", "last-used"][index];
        if (index === 2) {
          cell.title = key.scopes.join(" ");
        }
        row.appendChild(cell);
      });
      const actions = document.createElement("td");
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link delete-key";
      remove.textContent = "Delete";
      remove.setAttribute("aria-label", "Delete API key " + key.label);
      remove.addEventListener("click", () => askDelete(key));
      actions.appendChild(remove);
      row.appendChild(actions);
      rows.appendChild(row);
    }
    $("key-table").hidden = result.body.length === 0;
    $("no-keys").hidden = result.body.length !== 0;
  }

  // ---- create ----

  function buildScopePicker() {
    const presets = $("preset-buttons");
    presets.replaceChildren();
    const shortcuts = [{ label: "All", scopes: grantable.scopes.map((s) => s.scope) }];
    for (const preset of grantable.presets) {
      if (preset.name !== "full") {
        shortcuts.push({ label: preset.name === "readOnly" ? "Read-only" : preset.name, scopes: preset.scopes });
      }
    }
    shortcuts.push({ label: "None", scopes: [] });
    for (const shortcut of shortcuts) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary preset";
      button.textContent = shortcut.label;
      button.addEventListener("click", () => {
        const chosen = new Set(shortcut.scopes);
        for (const box of document.querySelectorAll("#scope-groups input[type=checkbox]")) {
          box.checked = chosen.has(box.value);
        }
      });
      presets.appendChild(button);
    }

    const groups = $("scope-groups");
    groups.replaceChildren();
    let current = null;
    for (const scope of grantable.scopes) {
      if (!current || current.dataset.resource !== scope.resource) {
        current = document.createElement("fieldset");
        current.dataset.resource = scope.resource;
        const legend = document.createElement("legend");
        legend.textContent = scope.resource;
        current.appendChild(legend);
        if (scope.resourceDescription) {
          const about = document.createElement("p");
          about.className = "resource-description";
          about.textContent = scope.resourceDescription;
          current.appendChild(about);
        }
        groups.appendChild(current);
      }
      const label = document.createElement("label");
      label.className = "scope";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = scope.scope;
      box.id = "scope-" + scope.scope.replace(":", "-");
      const name = document.createElement("code");
      name.textContent = scope.scope;
      const description = document.createElement("span");
      description.className = "description";
      description.textContent = scope.description;
      label.append(box, name, description);
      current.appendChild(label);
    }
  }

  function clearErrors() {
    for (const id of ["key-label-error", "key-expires-error", "key-scopes-error", "create-error"]) {
      $(id).textContent = "";
    }
    for (const id of ["key-label", "key-expiration", "key-expiration-date"]) {
      $(id).removeAttribute("aria-invalid");
    }
  }

  $("create-key").addEventListener("click", () => {
    $("create-form").reset();
    $("custom-expiration").hidden = true;
    clearErrors();
    $("create-dialog").showModal();
    $("key-label").focus();
  });

  $("create-cancel").addEventListener("click", () => $("create-dialog").close());

  $("key-expiration").addEventListener("change", () => {
    $("custom-expiration").hidden = $("key-expiration").value !== "custom";
  });

  function expiresAt() {
    const choice = $("key-expiration").value;
    if (choice === "none") {
      return null;
    }
    if (choice === "custom") {
      const day = $("key-expiration-date").value;
      return day ? new Date(day + "T23:59:59").toISOString() : "";
    }
    return new Date(Date.now() + Number(choice) * 24 * 60 * 60 * 1000).toISOString();
  }

  $("create-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const expires = expiresAt();
    if (expires === "") {
      $("key-expires-error").textContent = "Choose the day the key expires.";
      $("key-expiration-date").setAttribute("aria-invalid", "true");
      $("key-expiration-date").focus();
      return;
    }
    const scopes = Array.from(document.querySelectorAll("#scope-groups input[type=checkbox]:checked")).map((box) => box.value);
    const result = await send("POST", "/rest/api-keys", { label: $("key-label").value, expiresAt: expires, scopes });
    if (result.status !== 201) {
      const errors = (result.body && result.body.errors) || {};
      const fields = { label: ["key-label-error", "key-label"], expiresAt: ["key-expires-error", "key-expiration"], scopes: ["key-scopes-error", null] };
      let shown = false;
      for (const [field, messages] of Object.entries(errors)) {
        const target = fields[field];
        if (target) {
          $(target[0]).textContent = messages.join(" ");
          if (target[1]) {
            $(target[1]).setAttribute("aria-invalid", "true");
          }
          shown = true;
        }
      }
      if (!shown) {
        $("create-error").textContent = (result.body && (result.body.detail || result.body.title)) || "The key was not created.";
      } else {
        $("create-error").textContent = "The key was not created: see the fields above.";
      }
      return;
    }
    $("create-dialog").close();
    $("new-key").value = result.body.apiKey;
    $("copy-status").textContent = "";
    $("created-dialog").showModal();
    $("new-key").select();
    await loadKeys();
    setStatus("API key \u201c" + result.body.label + "\u201d created.");
  });

  $("copy-key").addEventListener("click", async () => {
    const key = $("new-key");
    try {
      await navigator.clipboard.writeText(key.value);
    } catch {
      key.select();
      document.execCommand("copy");
    }
    $("copy-status").textContent = "Copied to the clipboard.";
  });

  $("created-done").addEventListener("click", () => {
    // Shown once: the key leaves the page when the dialog closes.
    $("new-key").value = "";
    $("created-dialog").close();
    $("create-key").focus();
  });

  $("created-dialog").addEventListener("close", () => {
    $("new-key").value = "";
  });

  // ---- delete ----

  function askDelete(key) {
    pendingDelete = key;
    $("delete-text").textContent = "Delete the API key \u201c" + key.label + "\u201d? Anything that uses it stops working at once.";
    $("delete-error").textContent = "";
    $("delete-dialog").showModal();
    $("delete-cancel").focus();
  }

  $("delete-cancel").addEventListener("click", () => $("delete-dialog").close());

  $("confirm-delete").addEventListener("click", async () => {
    const key = pendingDelete;
    const result = await send("DELETE", "/rest/api-keys/" + encodeURIComponent(key.id));
    if (result.status !== 204) {
      $("delete-error").textContent = (result.body && result.body.title) || "The key was not deleted.";
      return;
    }
    $("delete-dialog").close();
    await loadKeys();
    setStatus("API key \u201c" + key.label + "\u201d deleted.");
    $("create-key").focus();
  });

  // ---- start ----

  async function start() {
    await refreshAntiforgery();
    const me = await send("GET", "/rest/me");
    if (me.status === 200) {
      await showSignedIn(me.body);
    } else {
      showSignedOut();
    }
  }

  start();
})();
