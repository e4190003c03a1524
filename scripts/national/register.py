"""Reports and their items, as OPCC staff recorded them (each with its history record)."""

import datetime
from dataclasses import dataclass, field

from inspections.choices import FORCE_ADDRESSEES, Addressee, ItemKind, ReportType, Scope
from inspections.models import Item, Report

from .clock import Clock
from .tables import Table

FORCES = [
    "Avon and Somerset",
    "Bedfordshire",
    "Cambridgeshire",
    "Cheshire",
    "City of London",
    "Cleveland",
    "Cumbria",
    "Derbyshire",
    "Devon and Cornwall",
    "Dorset",
    "Durham",
    "Dyfed-Powys",
    "Essex",
    "Gloucestershire",
    "Greater Manchester",
    "Gwent",
    "Hampshire",
    "Hertfordshire",
    "Humberside",
    "Kent",
    "Lancashire",
    "Leicestershire",
    "Lincolnshire",
    "Merseyside",
    "Metropolitan",
    "Norfolk",
    "North Wales",
    "North Yorkshire",
    "Northamptonshire",
    "Northumbria",
    "Nottinghamshire",
    "South Wales",
    "South Yorkshire",
    "Staffordshire",
    "Suffolk",
    "Surrey",
    "Sussex",
    "Thames Valley",
    "Warwickshire",
    "West Mercia",
    "West Midlands",
    "West Yorkshire",
    "Wiltshire",
]
THEMES = (
    "vetting and counter-corruption",
    "the police response to missing children",
    "custody services",
    "digital forensics",
    "the police response to domestic abuse",
    "child sexual exploitation",
    "race and policing",
    "neighbourhood policing",
    "fraud",
    "the handling of calls for service",
    "stalking and harassment",
    "serious youth violence",
)
OTHER_BODIES = ("Home Office", "NPCC", "College of Policing")
#: report type, scope, relative weight.
REPORT_MIX = (
    (ReportType.PEEL, Scope.THIS_FORCE, 30),
    (ReportType.NATIONAL, Scope.ALL_FORCES, 30),
    (ReportType.JOINT, Scope.SEVERAL_FORCES, 10),
    (ReportType.CHILD_PROTECTION, Scope.THIS_FORCE, 10),
    (ReportType.CUSTODY, Scope.THIS_FORCE, 8),
    (ReportType.POST_INSPECTION_REVIEW, Scope.THIS_FORCE, 7),
    (ReportType.COMMISSIONED, Scope.THIS_FORCE, 5),
)


@dataclass
class ReportRow:
    pk: int
    published_on: datetime.date
    created_at: datetime.datetime
    title: str
    items: list = field(default_factory=list)


@dataclass
class ItemRow:
    pk: int
    report: ReportRow
    kind: str
    reference: str
    action_required: bool
    addressee: str
    addressee_label: str
    created_at: datetime.datetime


class Register:
    def __init__(self, clock: Clock, opcc: list):
        self.clock = clock
        self.opcc = opcc
        self.reports = Table(Report)
        self.items = Table(Item)
        self.report_history = Table(Report.history.model)
        self.item_history = Table(Item.history.model)
        self.recorded: list[ReportRow] = []

    def tables(self) -> list[Table]:
        return [self.reports, self.report_history, self.items, self.item_history]

    def make(self, count: int) -> list[ReportRow]:
        rng = self.clock.rng
        kinds = [(t, s) for t, s, w in REPORT_MIX for _ in range(w)]
        titles = set()
        for _ in range(count):
            report_type, scope = rng.choice(kinds)
            published_on = self.clock.today - datetime.timedelta(days=rng.randint(3, 3650))
            title = self._title(report_type, published_on)
            while (title, published_on) in titles:
                title += " (addendum)"
            titles.add((title, published_on))
            self._report(report_type, scope, title, published_on)
        return self.recorded

    def _title(self, report_type: str, published_on: datetime.date) -> str:
        rng = self.clock.rng
        if report_type == ReportType.PEEL:
            return f"PEEL {published_on.year}: an inspection of {rng.choice(FORCES)} Police"
        if report_type in (ReportType.NATIONAL, ReportType.JOINT):
            return f"An inspection of {rng.choice(THEMES)}"
        label = ReportType(report_type).label
        return f"{label}: {rng.choice(FORCES)} Police, {rng.choice(THEMES)}"

    def _report(self, report_type, scope, title, published_on) -> None:
        by = self.clock.rng.choice(self.opcc)
        created_at = self.clock.at(self.clock.days_after(published_on, 0, 3))
        fields = {
            "title": title,
            "report_type": report_type,
            "scope": scope,
            "published_on": published_on,
            "hmicfrs_url": "https://hmicfrs.justiceinspectorates.gov.uk/publications/",
            "summary": f"HMICFRS's findings on {title.lower()}, with what forces should do.",
            "created_at": created_at,
            "lock_version": 1,
        }
        pk = self.reports.add(**fields, updated_at=created_at)
        self.report_history.add(id=pk, **fields, **_history("+", created_at, by))
        report = ReportRow(pk, published_on, created_at, title)
        self.recorded.append(report)
        for spec in self._item_plan(report_type):
            self._item(report, by, *spec)

    def _item_plan(self, report_type: str) -> list[tuple]:
        """(kind, reference, addressee, under) for each item, in printed order."""
        rng = self.clock.rng
        plan = []
        local = report_type not in (ReportType.NATIONAL, ReportType.JOINT)
        for c in range(1, (rng.randint(0, 2) if local else rng.randint(0, 1)) + 1):
            plan.append((ItemKind.CAUSE_OF_CONCERN, f"CoC {c}", Addressee.THIS_FORCE, None))
            for r in range(1, rng.randint(1, 3) + 1):
                plan.append((ItemKind.RECOMMENDATION, f"{c}.{r}", Addressee.THIS_FORCE, len(plan)))
        for r in range(1, rng.randint(2, 6 if local else 13) + 1):
            plan.append((ItemKind.RECOMMENDATION, str(r), self._addressee(local), None))
        for a in range(1, (rng.randint(6, 14) if local else rng.randint(0, 2)) + 1):
            plan.append((ItemKind.AREA_FOR_IMPROVEMENT, f"AFI {a}", Addressee.THIS_FORCE, None))
        for i in range(1, rng.choice((0, 0, 1, 2)) + 1):
            plan.append((ItemKind.INNOVATIVE_PRACTICE, f"IP {i}", Addressee.THIS_FORCE, None))
        return plan

    def _addressee(self, local: bool) -> str:
        roll = self.clock.rng.random()
        if local:
            return Addressee.THIS_FORCE
        if roll < 0.65:
            return Addressee.ALL_CHIEF_CONSTABLES
        if roll < 0.95:
            return self.clock.rng.choice(
                (Addressee.HOME_OFFICE, Addressee.NPCC, Addressee.COLLEGE_OF_POLICING)
            )
        return Addressee.OTHER

    def _item(self, report: ReportRow, by, kind, reference, addressee, under) -> None:
        rng = self.clock.rng
        other = "Crown Prosecution Service" if addressee == Addressee.OTHER else ""
        required = addressee in FORCE_ADDRESSEES
        reason = ""
        if kind in (ItemKind.INNOVATIVE_PRACTICE, ItemKind.CAUSE_OF_CONCERN):
            # Practice to share, and concerns answered through their recommendations: no action.
            required, reason = False, "Answered through its recommendations or shared as practice."
        created_at = report.created_at + datetime.timedelta(minutes=2 * len(report.items) + 1)
        deadline = None
        if under is not None and rng.random() < 0.7:
            deadline = report.published_on + datetime.timedelta(days=182)
        fields = {
            "report_id": report.pk,
            "kind": kind,
            "reference": reference,
            "position": len(report.items) + 1,
            "text": f"{ItemKind(kind).label} {reference}: by {report.published_on.year + 1}, "
            f"the force should improve its approach to {rng.choice(THEMES)}.",
            "addressee": addressee,
            "addressee_other": other,
            "action_required": required,
            "action_required_reason": reason,
            "hmicfrs_deadline": deadline,
            "cause_of_concern_id": report.items[under - 1].pk if under else None,
            "hmicfrs_status": "awaiting_review",
            "assurance": "",
            "created_at": created_at,
            "lock_version": 1,
        }
        pk = self.items.add(**fields, updated_at=created_at)
        self.item_history.add(id=pk, **fields, **_history("+", created_at, by))
        label = other or Addressee(addressee).label
        row = ItemRow(pk, report, kind, reference, required, addressee, label, created_at)
        report.items.append(row)


def _history(kind: str, at: datetime.datetime, by) -> dict:
    return {
        "history_date": at,
        "history_change_reason": None,
        "history_type": kind,
        "history_user_id": by.pk,
    }
