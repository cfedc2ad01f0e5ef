using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using N8n.Api;
using N8nApi.Api;
using N8nApi.Data;

namespace N8nApi.Controllers;

/// <summary>
/// n8n's <c>/api/v1/workflows</c>, as an MVC controller: each action states its scope with
/// <c>[RequireScope]</c> (the other resources use minimal APIs and <c>.RequireScope(...)</c>). Create and
/// update bind <see cref="WorkflowWrite"/> only: activation, moving, archiving and tags have their own
/// operations and scopes.
/// </summary>
[ApiController]
[Route("api/v1/workflows")]
public sealed class WorkflowsController : ControllerBase
{
    private readonly N8nData data;

    public WorkflowsController(N8nData data)
    {
        this.data = data;
    }

    [HttpGet]
    [RequireScope(Scopes.Workflow.List)]
    public JsonObject List() => data.Workflows.List();

    [HttpGet("{id}")]
    [RequireScope(Scopes.Workflow.Read)]
    public ActionResult<JsonObject> Get(string id) => Found(data.Workflows.Get(id));

    [HttpPost]
    [RequireScope(Scopes.Workflow.Create)]
    public ActionResult<JsonObject> Create(JsonObject? body) =>
        Bind<WorkflowWrite>(body, WorkflowWrite.Governed, fields => StatusCode(StatusCodes.Status201Created, data.Workflows.Create(fields)));

    [HttpPut("{id}")]
    [RequireScope(Scopes.Workflow.Update)]
    public ActionResult<JsonObject> Update(string id, JsonObject? body) =>
        Bind<WorkflowWrite>(body, WorkflowWrite.Governed, fields => Found(data.Workflows.Update(id, fields)));

    [HttpDelete("{id}")]
    [RequireScope(Scopes.Workflow.Delete)]
    public ActionResult<JsonObject> Delete(string id) => Found(data.Workflows.Delete(id));

    [HttpPost("{id}/activate")]
    [RequireScope(Scopes.Workflow.Activate)]
    public ActionResult<JsonObject> Activate(string id) => Found(data.Workflows.Update(id, new JsonObject { ["active"] = true }));

    [HttpPost("{id}/deactivate")]
    [RequireScope(Scopes.Workflow.Activate)]
    public ActionResult<JsonObject> Deactivate(string id) => Found(data.Workflows.Update(id, new JsonObject { ["active"] = false }));

    [HttpPut("{id}/transfer")]
    [RequireScope(Scopes.Workflow.Move)]
    public ActionResult<JsonObject> Transfer(string id, JsonObject? body) =>
        Bind<TransferRequest>(body, RequestBody.NoneGoverned, fields => Found(data.Workflows.Update(id, new JsonObject { ["projectId"] = fields["destinationProjectId"]?.DeepClone() })));

    [HttpGet("{id}/tags")]
    [RequireScope(Scopes.WorkflowTags.List)]
    public ActionResult<JsonArray> GetTags(string id) =>
        data.Workflows.Get(id) is null ? NotFound() : (JsonArray)data.WorkflowTags.GetOrAdd(id, _ => new JsonArray()).DeepClone();

    [HttpPut("{id}/tags")]
    [RequireScope(Scopes.WorkflowTags.Update)]
    public ActionResult<JsonArray> UpdateTags(string id, JsonArray? tags)
    {
        if (data.Workflows.Get(id) is null)
        {
            return NotFound();
        }

        var assigned = tags is null ? new JsonArray() : (JsonArray)tags.DeepClone();
        data.WorkflowTags[id] = assigned;
        return (JsonArray)assigned.DeepClone();
    }

    /// <summary>Runs <paramref name="apply"/> on the fields <typeparamref name="T"/> allows; any other field is a 400 naming it.</summary>
    private ActionResult<JsonObject> Bind<T>(JsonObject? body, IReadOnlyDictionary<string, GovernedField> governed, Func<JsonObject, ActionResult<JsonObject>> apply)
        where T : class
    {
        if (RequestBody.TryBind<T>(body, governed, out var fields, out var errors))
        {
            return apply(fields);
        }

        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return ValidationProblem(title: "The request sets fields this operation does not own.", modelStateDictionary: ModelState);
    }

    private ActionResult<JsonObject> Found(JsonObject? item) => item is null ? NotFound() : item;
}
