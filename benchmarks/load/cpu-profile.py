#!/usr/bin/env python3
"""Summarises a dotnet-trace 'dotnet-sampled-thread-time' speedscope file: where the process spent CPU.

Only samples whose leaf is CPU_TIME count (threads that were running, not waiting). Prints the share of CPU
time of the frames that matter for the receive path and the background dispatch, inclusive (the frame and
everything it called).

    python3 cpu-profile.py trace.speedscope.json
"""
import collections
import json
import sys

GROUPS = [
    ("Kestrel: connection and HTTP/1.1 processing (ProcessRequests)", "HttpProtocol+<ProcessRequests>"),
    ("  routing → WebhookKit receive path (ReceiveAsync)", "WebhookRequestProcessor+<ReceiveAsync>"),
    ("    body read into the pooled buffer (ReadBodyAsync)", "WebhookRequestProcessor+<ReadBodyAsync>"),
    ("    provider Read: HMAC-SHA256 verify + identify", "GitHubWebhookProvider.Read"),
    ("    claim, body copy for the queue, enqueue (ClaimThenEnqueueAsync)", "WebhookRequestProcessor+<ClaimThenEnqueueAsync>"),
    ("    the response: status, metrics, the request's journal entry (Respond)", "WebhookRequestProcessor.Respond"),
    ("Socket send/receive (SocketConnection DoSend/DoReceive)", "SocketConnection+<Do"),
    ("WebhookKit background dispatch (RunWorkerAsync)", "WebhookDispatcher+<RunWorkerAsync>"),
    ("  JSON deserialization of the payload (System.Text.Json ReadCore)", "JsonConverter`1[System.__Canon].ReadCore"),
    ("    built-in models' readers (ModelJsonConverter)", "ModelJsonConverter`1"),
    ("  a handler-declared model read until its properties are found (DeclaredPropertyReader)", "DeclaredPropertyReader`1"),
    ("  Polly retry pipeline (around the handler)", "Polly.ResiliencePipeline+<ExecuteAsync>"),
    ("Octokit.Webhooks.AspNetCore endpoint", "Octokit.Webhooks"),
    ("Journal: every entry appended, on either path (WebhookJournalRecorder.Append)", "WebhookJournalRecorder.Append"),
    ("GC: threads suspended for / helping a collection (PollGC)", "PollGCWorker"),
    ("Thread pool: idle workers spinning before they sleep", "LowLevelLifoSemaphore.Wait"),
]


def main(path):
    data = json.load(open(path))
    frames = [frame["name"] for frame in data["shared"]["frames"]]
    inclusive = collections.Counter()
    total = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and frames[stack[-1]] == "CPU_TIME":
                span = at - last
                total += span
                names = {frames[i] for i in stack}
                for label, needle in GROUPS:
                    if any(needle in name for name in names):
                        inclusive[label] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"thread samples in the running state: {total / 1000:.1f} s of thread time (all threads; shares below are of this)")
    print("| share of process CPU (inclusive) | where |")
    print("| ---: | --- |")
    for label, _ in GROUPS:
        print(f"| {100 * inclusive[label] / total:.1f}% | {label.strip()} |" if not label.startswith(" ")
              else f"| {100 * inclusive[label] / total:.1f}% | {'&nbsp;' * (len(label) - len(label.lstrip()))}{label.strip()} |")


if __name__ == "__main__":
    main(sys.argv[1])
