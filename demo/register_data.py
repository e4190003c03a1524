"""The demo register: three HMICFRS reports transcribed from the seed documents (the PCC
responses and force paper in the project's shared seeds/ folder), as plain data for
`manage.py load_demo`.

Report, item and force-response text is the seeds' own, with PDF line wraps joined and words the
PDF split at a line end rejoined ("self-assessment"). Owners, target dates, progress updates,
evidence links and sign-off notes are demo content: the seeds name the work, not its bookkeeping.
Evidence links point at example.org (a reserved domain) standing in for the force's 4ACTION records.
"""

# ruff: noqa: RUF001 (the seeds' typography is kept: en dashes and curly quotes)

from dataclasses import dataclass
from datetime import date

from inspections.choices import Addressee, ItemKind, ReportType, Scope


def _flow(text: str) -> str:
    """Join wrapped lines: blank lines separate paragraphs, a line starting "- " starts a bullet."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if lines and not line.startswith("- "):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class DemoEvidence:
    description: str
    link: str


@dataclass(frozen=True)
class DemoAction:
    description: str
    owner_name: str
    target_date: date | None
    updates: tuple[str, ...] = ()
    evidence: tuple[DemoEvidence, ...] = ()
    #: Submitted by the force and signed off (closed) by the DCC; otherwise left in progress.
    signed_off: bool = False
    sign_off_note: str = ""
    #: The demo login whose "my actions" list shows the action, if any.
    owner_username: str = ""


@dataclass(frozen=True)
class DemoItem:
    reference: str
    position: int
    text: str
    addressee: str
    addressee_other: str = ""
    kind: str = ItemKind.RECOMMENDATION
    hmicfrs_deadline: date | None = None
    actions: tuple[DemoAction, ...] = ()


@dataclass(frozen=True)
class DemoReport:
    source: str  # the seed file the report was transcribed from
    title: str
    report_type: str
    scope: str
    published_on: date
    hmicfrs_url: str
    summary: str
    items: tuple[DemoItem, ...] = ()


def _evidence(slug: str, description: str) -> tuple[DemoEvidence, ...]:
    return (DemoEvidence(description, f"https://4action.example.org/records/{slug}"),)


HEAD_OF_CRIME = "Detective Chief Superintendent Mark Greenhalgh – Head of Crime"
HEAD_OF_PVP = "Detective Superintendent Laura Koscikiewicz – Head of PVP"
SIGNED_OFF = "Signed off on the evidence."

# --- 1. National Child Protection Inspections 2019 -----------------------------------------------
# Summary: seed 000 (000_dcef144b34309b48.txt, the PCC's response). Recommendations, addressees and
# force responses: seed 002 (002_e562658524bd567a.txt, the force's Business Co-ordination Board
# paper), whose line-wrapped report URL is repaired here.

NCPI_2019 = DemoReport(
    source="000_dcef144b34309b48.txt, 002_e562658524bd567a.txt",
    title="National Child Protection Inspections 2019: thematic report",
    report_type=ReportType.NATIONAL,
    scope=Scope.ALL_FORCES,
    published_on=date(2020, 2, 27),
    hmicfrs_url="https://www.justiceinspectorates.gov.uk/hmicfrs/wp-content/uploads/"
    "national-child-protection-inspections-2019-thematic-report.pdf",
    summary=_flow("""
        HMICFRS called for police and partner agencies to improve how they work together to
        protect children. Inspectors report that:
        - Police forces have improved their understanding of the risks around vulnerable children;
        - Protecting vulnerable children is a priority for policing leaders, but it requires further
        resourcing at a time of decreasing officer numbers and budget cuts;
        - The approach of the police and partners is not proactive enough in identifying children
        that could be at risk of abuse; and
        - The current system is unsustainable. The police can't do this work alone. More resourcing
        needs to be given, not just in policing, to help support and protect vulnerable children.
    """),
    items=(
        DemoItem(
            reference="3.1",
            position=1,
            addressee=Addressee.HOME_OFFICE,
            text=_flow("""
                We recommend that the Home Office jointly with other government departments
                considers the development of a new national early help and prevention strategy to
                more effectively address the root causes of harm for vulnerable children. The
                purpose of such a strategy should be to ensure agencies work together as part of a
                coherent whole system approach to recognise and respond to the earliest indicators
                of risk and vulnerability in order to prevent escalating and cumulative trauma.
            """),
        ),
        DemoItem(
            reference="3.2",
            position=2,
            addressee=Addressee.OTHER,
            addressee_other="Ministry of Justice and Department for Education",
            text=_flow("""
                We recommend that the Ministry of Justice and Department for Education undertake a
                review of the current provision of intermediaries and the extent to which social
                workers undertake interviews of children with the Police.
            """),
        ),
        DemoItem(
            reference="3.3",
            position=3,
            addressee=Addressee.ALL_CHIEF_CONSTABLES,
            text=_flow("""
                We recommend that chief constables take steps to reduce the unnecessary
                criminalisation of children. Such steps could include (but don’t need to be limited
                to) considering fully a child’s circumstances when making decisions; more effective
                use of legislation to discontinue prosecutions not in the public (or child’s)
                interest; the development of more effective non-criminal justice pathways for
                vulnerable children who commit lower level crimes.
            """),
            actions=(
                DemoAction(
                    description=_flow("""
                        The Constabulary is committed to safeguarding children and vulnerable
                        adults from criminal exploitation. The Multi-Agency Safeguarding Hub (MASH)
                        and Missing Exploited Trafficked (MET) Hub work alongside partners in social
                        care, health and education to engage with children believed to be at risk
                        of, or currently being subjected to, exploitation to investigate and
                        safeguard. This is a developing area across the partnership and work is
                        ongoing to improve our understanding and response to exploitation, focusing
                        on early intervention and prevention to reduce harm, and ensure that
                        children are not unnecessarily criminalised.
                    """),
                    owner_name=HEAD_OF_CRIME,
                    target_date=date(2020, 12, 31),
                    updates=(
                        "Force response reported to the Business Co-ordination Board for the "
                        "PCC's section 55 response. Work with MASH and MET Hub partners continues.",
                    ),
                ),
            ),
        ),
        DemoItem(
            reference="3.4",
            position=4,
            addressee=Addressee.OTHER,
            addressee_other="Home Office and Department for Education",
            text=_flow("""
                We recommend that the Home Office and Department for Education undertakes a review
                of the unnecessary detention of children. This review should include an assessment
                of the effectiveness of the 2017 National Custody Concordat, the provision of
                alternative accommodation, the provision of appropriate adult services and the use
                bail by the police.
            """),
        ),
        DemoItem(
            reference="3.5",
            position=5,
            addressee=Addressee.ALL_CHIEF_CONSTABLES,
            text=_flow("""
                We recommend that chief constables should review performance management and
                quality assurance approaches to ensure that assessments of the nature and quality
                of decision making are routinely made. The purpose of this would be to reinforce
                the understanding that compliance with policy or process is only one part of
                effective practice.
            """),
            actions=(
                DemoAction(
                    description=_flow("""
                        The Constabulary participates in regular multi-agency audits to scrutinise
                        decision making in child protection matters and understand service delivery
                        across the partnership, these include an assessment on the outcome for the
                        child. The force also conducts regular internal audits through the Missing
                        From Home and Domestic Abuse Scrutiny Groups, which include cases relating
                        to child safeguarding, to identify good practice and learning needs. These
                        processes will continue to be developed to ensure they capture ways in
                        which decision making and child protection practice can improve.
                    """),
                    owner_name=HEAD_OF_PVP,
                    owner_username="force",
                    target_date=date(2020, 9, 30),
                    updates=(
                        "Multi-agency audits and the Missing From Home and Domestic Abuse Scrutiny "
                        "Groups continue; the audit approach is being reviewed to record the "
                        "quality of decision making, not only compliance.",
                    ),
                ),
            ),
        ),
        DemoItem(
            reference="3.6",
            position=6,
            addressee=Addressee.ALL_CHIEF_CONSTABLES,
            text=_flow("""
                We recommend that chief constables of those forces not yet inspected by the NCPI or
                JTAI take steps to identify and implement good practice and the learning
                highlighted from these programmes. This may include engaging with those forces who
                have been inspected, direct contact with the HMICFRS child protection lead or
                participating in a regional or national learning event.
            """),
            actions=(
                DemoAction(
                    description=_flow("""
                        The Constabulary is using HMICFRS guidance to conduct a self-assessment of
                        the effectiveness of the force and its response to child protection
                        including leadership, management and governance, and the experiences,
                        progress and outcomes for children.
                    """),
                    owner_name=HEAD_OF_PVP,
                    owner_username="force",
                    target_date=date(2020, 6, 30),
                    updates=(
                        "Self-assessment against the HMICFRS guidance under way, covering "
                        "leadership, management and governance, and outcomes for children.",
                    ),
                ),
            ),
        ),
    ),
)

# --- 2. NCPI post-inspection review (Nottinghamshire) ---------------------------------------------
# Seed 001 (001_1f0d63c0df4ac69e.txt, the PCC's response). The seed names the areas HMIC found not
# yet implemented but does not print the recommendations or their numbers: the texts below
# paraphrase the seed, and the references "1", "2", "3" are the demo's own.

NCPI_PIR_2016 = DemoReport(
    source="001_1f0d63c0df4ac69e.txt",
    title="National Child Protection Inspection: post-inspection review (Nottinghamshire)",
    report_type=ReportType.POST_INSPECTION_REVIEW,
    scope=Scope.THIS_FORCE,
    published_on=date(2016, 2, 4),
    hmicfrs_url="",
    summary=_flow("""
        On 4th February 2016, HMIC published its Post Inspection Review report into child
        protection in Nottinghamshire following its initial inspection in September 2014 and report
        of its findings in December 2014. In February 2015, the Force provided HMIC with an Action
        Plan setting out how it intended to respond to the recommendations in the inspection
        report. Inspectors carried out a post-inspection review in August 2015 to assess the
        progress made by the Force in implementing the recommendations.

        HMIC reported that the Force is committed to improving the way it protects children and was
        encouraged to find knowledgeable staff dedicated to improving outcomes for children who are
        at risk of harm. Further, that important steps had been taken to implement some of the
        recommendations made in the 2014 inspection report.

        Also at the time of its review in August 2015, improvements in services within the
        multiagency safeguarding hub (MASH) were evident; there was better supervision of incidents
        where children had been reported missing from home and no child had been detained in
        police custody under section 136 of the Mental Health Act since April 2015.

        However, HMIC was concerned to find that other recommendations had yet to be implemented,
        such as those relating to the oversight and management of cases involving children at risk
        of sexual exploitation, and police attendance at child protection conferences, neither of
        which had improved. Nor had the Force conducted regular audits of practice to improve
        services, concluding that although some progress has been made, challenges remain, and the
        Force will need to maintain its focus on improving services to protect children for some
        time to come.
    """),
    items=(
        DemoItem(
            reference="1",
            position=1,
            addressee=Addressee.THIS_FORCE,
            text="Improve the oversight and management of cases involving children at risk of "
            "sexual exploitation.",
            actions=(
                DemoAction(
                    description="Strengthen supervisory oversight of every case involving a child "
                    "at risk of sexual exploitation, with links between Public Protection and the "
                    "sexual exploitation unit.",
                    owner_name="Public Protection",
                    owner_username="force",
                    target_date=date(2016, 6, 30),
                    updates=(
                        "Supervision arrangements for child sexual exploitation cases under "
                        "review with the sexual exploitation unit.",
                    ),
                ),
            ),
        ),
        DemoItem(
            reference="2",
            position=2,
            addressee=Addressee.THIS_FORCE,
            text="Improve police attendance at child protection conferences.",
            actions=(
                DemoAction(
                    description="Make sure the police attend every child protection conference "
                    "they are invited to, and record attendance.",
                    owner_name="Public Protection",
                    owner_username="force",
                    target_date=date(2016, 6, 30),
                    updates=(
                        "Attendance at child protection conferences now recorded; monthly "
                        "figures reported to the Head of Public Protection.",
                    ),
                ),
            ),
        ),
        DemoItem(
            reference="3",
            position=3,
            addressee=Addressee.THIS_FORCE,
            text="Conduct regular audits of practice to improve services that protect children.",
            actions=(
                DemoAction(
                    description="Introduce a regular audit regime for child protection practice.",
                    owner_name="Public Protection",
                    target_date=date(2016, 9, 30),
                    updates=("Audit regime in place; first quarterly audit completed.",),
                    evidence=_evidence("ncpi-pir-3", "4ACTION record: audit regime in place"),
                    signed_off=True,
                    sign_off_note=SIGNED_OFF,
                ),
            ),
        ),
    ),
)

# --- 3. Missing children: who cares? -------------------------------------------------------------
# Seed 003 (003_ea9f78dcf4b9c610.txt, the PCC's response and its Annex 1). The seed links to the
# report with "#", so no web address is recorded. One force action per bullet of the annex's force
# response, its text verbatim; two are left in progress past their target date (RAG red).

#: The annex's bullets, one per line group, each preceded by its owner and a "|".
MISSING_BULLETS_TEXT = """
Missing from Home locate team | A thematic approach, with a dedicated team led by a sergeant,
responsible for supporting all locate enquiries to find missing persons. These enquiries are
clearly graded by risk. Within that assessment of risk, the vulnerability of children in
particular is recognised. This includes close working with partner agencies.

Missing from Home team | A dedicated team of missing from home co-ordinators, led by a sergeant,
responsible for all action to prevent repeat missing episodes and ensure effective safeguarding
for vulnerable persons. This includes close working with partner agencies. This activity
recognises and prioritises the vulnerability of children.

Missing from Home team | A Chief Inspector responsible for managing the locate and
prevent/safeguarding functions;

Missing from Home team | The MFH coordinators ensure compliance with the NCSCB/NSCB protocol,
which ensures, amongst other things, every child that goes missing is given the opportunity of a
return interview, and the content of that is returned to police to feature in their “trigger”
plan. Compliance with this protocol also enables timely strategy meetings which our coordinators
attend.

Public Protection | Clear links with Public Protection and sexual exploitation unit regarding
sharing of information, intelligence and identification of where investigations are required,
particularly concerning vulnerable children.

Public Protection | Children at risk of sexual exploitation are identified, to ensure that
information is available immediately for any missing episodes.

Missing from Home team | Carry over tasks for repeat missings are prioritised on our COMPACT
system, as a trigger plan to drive immediate activity for future missing episodes;

Public Protection | An audit regime is in place to ensure consistent quality standards in missing
from home enquiries.

Corporate Development Department | A missing and absents performance dashboard is in place. This
provides management information regarding current missings, repeat missings and data regarding
numbers of missings – separated into children and adults The information includes gender, age
and risk levels.

Missing from Home team | All missing enquiries are managed on a daily basis, with intrusive
supervision through the daily management processes, appropriate to the risk level. The
vulnerability of children is a key feature of this.
"""
#: (description, owner) for each bullet, in the annex's order.
MISSING_BULLETS = tuple(
    (text, owner)
    for owner, text in (
        paragraph.split(" | ", 1) for paragraph in _flow(MISSING_BULLETS_TEXT).split("\n\n")
    )
)

#: Bullets (1-based) left in progress, with a target date now past and the latest update.
MISSING_OPEN = {
    8: (date(2016, 12, 31), "Audit regime agreed; the first round of audits has not yet reported."),
    9: (
        date(2016, 9, 30),
        "Dashboard live; diversity of the communities served is not yet in it, "
        "as the recommendation asks.",
    ),
}


def _missing_action(number: int, description: str, owner: str) -> DemoAction:
    if number in MISSING_OPEN:
        target, update = MISSING_OPEN[number]
        return DemoAction(description, owner, target, updates=(update,))
    return DemoAction(
        description,
        owner,
        date(2016, 9, 30),
        updates=("In place and reported to the Joint Audit and Scrutiny Panel.",),
        evidence=_evidence(f"missing-children-{number}", f"4ACTION record: annex 1 item {number}"),
        signed_off=True,
        sign_off_note=SIGNED_OFF,
    )


MISSING_CHILDREN_2016 = DemoReport(
    source="003_ea9f78dcf4b9c610.txt",
    title="Missing children: who cares? The police response to missing and absent children",
    report_type=ReportType.NATIONAL,
    scope=Scope.ALL_FORCES,
    published_on=date(2016, 3, 23),
    hmicfrs_url="",
    summary=_flow("""
        On 23rd March 2016, HMIC published its report 'Missing children: who cares? The police
        response to missing and absent children'. HMIC inspected the police response to missing and
        absent children as part of its summer 2015 PEEL (police effectiveness, efficiency and
        legitimacy) effectiveness inspection of all 43 police forces in England and Wales. As part
        of this work, HMIC also assessed forces' preparedness to tackle child sexual exploitation,
        because children who go missing are at greater risk of becoming a victim of this kind of
        offending (with those missing from local authority care being particularly vulnerable).

        HMIC found unacceptable inconsistencies between and within forces, across all aspects of
        the approach to missing children, whether in respect of assessing risks, investigating or
        supporting children leaving them unprotected, and at risk of serious harm. Also, going
        missing can be the precursor to various aspects of significant harm, such as abuse,
        criminal activity or mental ill-health, which can blight a child's life well into
        adulthood.

        In response to the findings HMIC made a series of recommendations for the Home Office,
        National Police Chiefs' Council, Chief Constables and the College of Policing, aimed at
        ensuring the necessary improvements are made – and quickly.
    """),
    items=(
        DemoItem(
            reference="1",
            position=1,
            addressee=Addressee.ALL_CHIEF_CONSTABLES,
            hmicfrs_deadline=date(2016, 9, 30),
            text=_flow("""
                By September 2016, chief constables should ensure that information management
                processes are in place which focus on outcomes for children who go missing, and to
                provide better analysis to understand the effectiveness of the police and
                multi-agency responses. Information should include the diversity of the
                communities the forces serve.
            """),
            actions=tuple(
                _missing_action(number, description, owner)
                for number, (description, owner) in enumerate(MISSING_BULLETS, start=1)
            ),
        ),
    ),
)

DEMO_REPORTS = (NCPI_2019, NCPI_PIR_2016, MISSING_CHILDREN_2016)
