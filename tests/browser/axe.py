"""axe-core, injected into the page under test, and an assertion that lists what it finds.

The app's Content-Security-Policy (script-src 'self') refuses `<script>` tags added to the page,
so axe is evaluated through the DevTools protocol instead, which the policy does not govern. The
file is vendored (tests/browser/vendor/axe.min.js, see VERSION there): nothing is fetched.
"""

from functools import cache
from pathlib import Path

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"

#: WCAG 2.2 A and AA (which includes 2.0 and 2.1), plus axe's best practices: landmarks, one h1,
#: heading order, regions. A page passes only if none of these rules finds anything.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN = """options => axe.run(document, options).then(results => ({
    url: results.url,
    passes: results.passes.length,
    incomplete: results.incomplete.map(r => r.id),
    violations: results.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
    })),
}))"""


@cache
def axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page) -> dict:
    """Run axe on the page as it is now; returns the counts and the violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(
        RUN, {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    )


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        rule, impact, help_, url = (violation[k] for k in ("id", "impact", "help", "helpUrl"))
        lines.append(f"- {rule} ({impact}): {help_} <{url}>")
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def assert_accessible(page) -> dict:
    """Fail with every violation (rule, impact, help, and each offending node) on this page."""
    results = run_axe(page)
    violations = results["violations"]
    if violations:
        raise AssertionError(
            f"axe found {len(violations)} accessibility violation(s) on {page.url}:\n"
            + format_violations(violations)
        )
    return results
