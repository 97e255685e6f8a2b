"""The application factory: `create_app(config) -> Flask`.

Everything costly happens here, once: flows are loaded, validated and
compiled into their shared machines, scripts and case data are loaded, the
store is opened.  Requests then only load a session, fire one event and save.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask, Response

from ivr import config as settings
from ivr.adapters.signature import base_path
from ivr.adapters.twiml import Urls, Voices, render_says
from ivr.adapters.voice import bp as voice_bp
from ivr.adapters.voice import voice_settings
from ivr.calls import CallService
from ivr.clock import Clock
from ivr.collector import collector_paused
from ivr.core.engine import Engine
from ivr.core.machine import compile_flow
from ivr.core.registry import Services, builtin_registry
from ivr.definitions.cases import DEMO_CASES_PATH, CaseBook, load_cases
from ivr.definitions.flow_cache import cached_flows, cached_scripts
from ivr.definitions.releases import LiveLine, live_line
from ivr.definitions.scripts import SCRIPTS_ROOT
from ivr.generated_code import reusing_generated_code
from ivr.notify import SMS_MESSAGES, SmsNotifier
from ivr.routing import CALLBACK_WHO, QUEUE_MESSAGES, TierRouting, preload_line_words
from ivr.rules.directory import load_directory
from ivr.store.base import Store
from ivr.store.line import LineStore, open_store
from ivr.store.sql import SqlStore, default_sqlite_url

if TYPE_CHECKING:
    from ivr.qa.tokenise import Tokeniser

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """What the app built at start-up, shared by every request (`app.extensions['ivr']`)."""

    engine: Engine
    store: Store
    cases: CaseBook
    clock: Clock
    calls: CallService
    urls: Urls
    voices: Voices
    settings: dict[str, Any]
    live: LiveLine

    def live_flow(self, called: str | None) -> str:
        """The flow a new phone call to `called` runs: the published version (or the number's pin)."""
        return self.live.flow_for(self.engine.default_flow, called)


def build_runtime(config: dict[str, Any], instance_path: str | Path) -> Runtime:
    """Load, validate and compile everything a call needs; open the store."""
    registry = builtin_registry()
    compiled = dict(cached_flows(config.get("FLOWS"), registry, instance_path))
    flows = {flow_id: compiled_flow.flow for flow_id, compiled_flow in compiled.items()}
    releases = config.get("FLOW_RELEASES") or _releases_beside(config.get("FLOWS"))
    line = live_line(flows, releases, config.get("FLOW_PINS"), registry)
    compiled |= {flow.id: compile_flow(flow, registry) for flow in line.flows}
    default_flow = config.get("DEFAULT_FLOW")
    if default_flow not in flows:
        default_flow = next(iter(flows))
    scripts_root = config.get("SCRIPTS_DIR")
    routing = TierRouting.from_config(config.get("TIER_ROUTING"))
    messages = {flow_id: compiled_flow.flow.messages for flow_id, compiled_flow in compiled.items()}
    routing.require_callback_words(messages)  # a call-back route says the flow's call-back words
    preload_line_words(messages.values(), [*QUEUE_MESSAGES, *SMS_MESSAGES, *CALLBACK_WHO.values()])  # a flow without them: the shipped flow's
    services = Services(
        directory=load_directory(),
        scripts=cached_scripts(scripts_root or SCRIPTS_ROOT, bool(config.get("SCRIPT_DRAFTS")), instance_path),
        routing=routing,
        settings=config,
    )
    engine = Engine(compiled, services, default_flow)
    cases = load_cases(config.get("CASES_FILE") or DEMO_CASES_PATH)
    training_file = config.get("TRAINING_CASES_FILE")
    training = load_cases(training_file) if training_file else (
        cases if not config.get("CASES_FILE") else load_cases(DEMO_CASES_PATH))
    store = open_store(config.get("DATABASE_URL") or default_sqlite_url(instance_path), config.get("LINE_STORE"))
    clock = Clock.parse(config.get("CLOCK"))
    urls, voices = voice_settings(config)
    calls = CallService(engine, store, cases, clock, notifier=SmsNotifier.from_config(config, messages=messages),
                        tokeniser=_tokeniser(config, store, [*flows.values(), *line.flows], cases), training=training)
    return Runtime(engine, store, cases, clock, calls, urls, voices, config, line)


def _tokeniser(config: dict[str, Any], store: SqlStore | LineStore, flows: list[Any], cases: CaseBook) -> Tokeniser | None:
    """Transcripts are stored tokenised (issue 10.3) unless KEEP_IDENTIFIERS keeps them for a local demo."""
    if config.get("KEEP_IDENTIFIERS"):
        return None
    from ivr.qa.tokenise import Tokeniser

    names = [case.applicant_name for case in cases.cases if case.applicant_name]
    return Tokeniser(store.ledger_key, flows, names)


def _releases_beside(flow_files: list[str] | None) -> Path:
    """Published versions live in `releases/` beside the flow files (the shipped `flows/releases/`)."""
    from ivr.definitions.flows import FLOWS_ROOT

    return Path(flow_files[0]).parent / "releases" if flow_files else FLOWS_ROOT / "releases"


class PathPrefix:
    """WSGI middleware: serve the app below `PUBLIC_BASE_URL`'s path prefix too.

    A proxy that forwards `https://host/ivr/voice` as `/ivr/voice` (not stripping the
    prefix) reaches the same routes as one that forwards `/voice`; the prefix moves to
    `SCRIPT_NAME`, so `request.path` is the route's own path either way.
    """

    def __init__(self, app: Any, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if path == self.prefix or path.startswith(self.prefix + "/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + self.prefix
            environ["PATH_INFO"] = path[len(self.prefix):] or "/"
        return self.app(environ, start_response)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The Flask app serving the Twilio webhooks (and, when enabled, the softphone)."""
    # what it builds lives as long as the app (ivr.collector); what it imports reuses its dataclasses' compiled
    # methods (ivr.generated_code)
    with collector_paused(), reusing_generated_code():
        return _create_app(config)


def _create_app(config: dict[str, Any] | None) -> Flask:
    app = Flask("ivr", instance_relative_config=True)
    resolved = settings.resolve(config)
    app.config.update(resolved)
    runtime = build_runtime(resolved, app.instance_path)
    app.extensions["ivr"] = runtime
    app.register_blueprint(voice_bp)
    prefix = base_path(resolved.get("PUBLIC_BASE_URL"))
    if prefix:
        app.wsgi_app = PathPrefix(app.wsgi_app, prefix)  # type: ignore[method-assign]
    if resolved.get("SOFTPHONE"):
        from ivr.web import init_web
        from ivr.web.accounts import Accounts

        init_web(app, Accounts(getattr(runtime.store, "engine")))

    @app.errorhandler(404)
    @app.errorhandler(405)
    def not_here(error: Any) -> Response:
        # Twilio (or a person) reached a URL or method we do not serve: on voice URLs answer
        # TwiML a caller can hear (status 200, or Twilio plays its own error), never a bare page.
        from flask import request

        body = render_says(
            (
                ("Sorry, this number cannot take that request.", "en"),
                ("Lo sentimos, este número no puede atender esa solicitud.", "es"),
            ),
            hang_up=False,
        )
        status = 200 if request.path.startswith("/voice") else error.code
        return Response(body, status, mimetype="text/xml", headers={"X-IVR-State": "error", "X-IVR-Tier": "ivr"})

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {"ok": True, "flows": sorted(runtime.engine.flows), "now": runtime.clock.now().isoformat()}

    return app

