"""The demo's section 55 responses: the office, its signatories, and two responses transcribed from
the shared seeds, as plain data for `manage.py load_demo` (loaded by demo.responses).

Letter text is the seeds' own, as Markdown (paragraphs, and bullet lists as Markdown lists), with
PDF line wraps joined. The NCPI 2019 letter is seed 000 (the PCC's response); its annex is the
force's answer to each recommendation in seed 002 (the Business Co-ordination Board paper), whose
force responses, owners and target dates are the demo actions of demo.register_data. The
Missing children letter and its annex entry are seed 003. What the seeds do not print is demo
content and says so where it is defined: the Chief Constable's comments (summarised in the
force's own words from seeds 002 and 003), the NCPI PCC's comments on them, and the dates of the
invitation and of the Chief Constable's reply.
"""

# ruff: noqa: RUF001 (the seeds' typography is kept: en dashes and curly quotes)

from dataclasses import dataclass
from datetime import date

from responses.choices import Explanation, ResponseStatus

from .register_data import (
    MISSING_BULLETS,
    MISSING_CHILDREN_2016,
    NCPI_2019,
    DemoReport,
    _flow,
)

# --- The office and who signs for it -------------------------------------------------------------

OFFICE_NAME = "Office of the Police and Crime Commissioner for Nottinghamshire"
OFFICE_ADDRESS = "Arnot Hill House\nArnot Hill Park\nArnold\nNottingham\nNG5 6LU"
OFFICE_FORCE_NAME = "Nottinghamshire Police"


@dataclass(frozen=True)
class DemoSignatory:
    name: str
    title: str
    valid_from: date
    valid_to: date | None = None


PCC = "Police and Crime Commissioner"
SIGNATORIES = (
    DemoSignatory("Paddy Tipping", PCC, date(2012, 11, 22), date(2021, 5, 12)),
    DemoSignatory("Caroline Henry", PCC, date(2021, 5, 13)),
)


# --- The shape of a demo response ----------------------------------------------------------------


@dataclass(frozen=True)
class DemoAnnexEntry:
    reference: str
    explanation: str
    text: str
    owner: str = ""
    target_date: date | None = None


@dataclass(frozen=True)
class DemoResponse:
    report: DemoReport
    #: The demo login that owns and drafts the response (OPCC staff).
    owner_username: str
    invited_on: date
    cc_due_on: date
    cc_received_on: date
    cc_comments: str
    pcc_comments: str
    monitoring: str
    annex: tuple[DemoAnnexEntry, ...]
    pcc_comments_on_cc: str = ""
    letter_date: date | None = None
    #: How far the demo takes it after the draft is saved: drafting, submitted for the PCC's
    #: approval, or approved, published on `published_on` and sent.
    until: ResponseStatus = ResponseStatus.DRAFTING
    published_on: date | None = None


def _other_body(reference: str, addressee: str) -> DemoAnnexEntry:
    """Seed 002's line for a recommendation the force is not asked to act on."""
    return DemoAnnexEntry(
        reference,
        Explanation.OTHER_BODY,
        f"This recommendation is addressed to {addressee}. "
        "The Constabulary will await further information.",
    )


def _force_action(report: DemoReport, reference: str) -> DemoAnnexEntry:
    """The force's response to one of its own recommendations: its demo action's description
    (seed 002's force response, verbatim), owner and target date."""
    (item,) = (item for item in report.items if item.reference == reference)
    (action,) = item.actions
    return DemoAnnexEntry(
        reference,
        Explanation.ACTION_PROPOSED,
        action.description,
        owner=action.owner_name,
        target_date=action.target_date,
    )


# --- 1. National Child Protection Inspections 2019: approved, published and sent ----------------
# Seed 000 (000_dcef144b34309b48.txt) for the letter, seed 002 (002_e562658524bd567a.txt) for the
# annex. Seed 000's "one of main priorities" is kept as the seed prints it.

NCPI_PCC_COMMENTS = _flow("""
    On 27th February 2020 HMICFRS published its thematic report into National Child Protection.
    In this report HMICFRS called for police and partner agencies to improve how they work together
    to protect children. Inspectors report that:

    - Police forces have improved their understanding of the risks around vulnerable children;
    - Protecting vulnerable children is a priority for policing leaders, but it requires further
    resourcing at a time of decreasing officer numbers and budget cuts;
    - The approach of the police and partners is not proactive enough in identifying children that
    could be at risk of abuse; and
    - The current system is unsustainable. The police can't do this work alone. More resourcing
    needs to be given, not just in policing, to help support and protect vulnerable children.

    To achieve the best possible outcomes for children, HMICFRS recommend leaders in all agencies
    with the shared responsibility of protecting children need to improve how they work together.
    Police chiefs and other agencies need to develop coherent protection plans, at a local level,
    to better identify children who are potentially at risk.

    Protecting children is one of main priorities and for this reason I set the Chief Constable
    four specific strategic objectives in my Police and Crime Delivery Plan (2020-21):

    - Work with partners and stakeholders to become more trauma informed and to combat adverse
    childhood experiences
    - Continue to work in partnership to provide an effective response to missing children and
    persons from hospital, home and care settings
    - Establish a dedicated county lines police team to safeguard children from exploitation and
    victimisation
    - Work with partners to ensure agencies are meeting safeguarding responsibilities under the Care
    Act 2014

    The report makes six recommendations three of which relate to Chief Constables.
""")

# Demo content: seed 002 prints the force's answer to each recommendation, not a covering
# statement, so the Chief Constable's comments summarise that answer in the paper's own words.
NCPI_CC_COMMENTS = _flow("""
    The Constabulary's response to the HMICFRS "National Child Protection Inspections 2019
    Thematic Report", published on 27th February 2020, has been provided to the Business
    Co-ordination Board to enable the Police and Crime Commissioner to discharge his duties under
    Section 55 of the Police Act 1996.

    The Constabulary is committed to safeguarding children and vulnerable adults from criminal
    exploitation. Of the report's six recommendations:

    - Recommendations 3.1, 3.2 and 3.4 are addressed to the Home Office, the Ministry of Justice
    and the Department for Education. The Constabulary will await further information.
    - Recommendation 3.3: the Multi-Agency Safeguarding Hub (MASH) and Missing Exploited
    Trafficked (MET) Hub work alongside partners in social care, health and education, focusing on
    early intervention and prevention to reduce harm, and ensure that children are not
    unnecessarily criminalised.
    - Recommendation 3.5: the Constabulary participates in regular multi-agency audits to
    scrutinise decision making in child protection matters, and conducts regular internal audits
    through the Missing From Home and Domestic Abuse Scrutiny Groups.
    - Recommendation 3.6: the Constabulary is using HMICFRS guidance to conduct a self-assessment
    of the effectiveness of the force and its response to child protection.
""")

# Demo content, in the PCC's voice and consistent with seed 000.
NCPI_PCC_COMMENTS_ON_CC = _flow("""
    I welcome the Chief Constable's response to the report and the work the Force is doing with
    its partners to safeguard children from exploitation and to ensure that they are not
    unnecessarily criminalised.

    I will monitor the Force's progress on the three recommendations that relate to Chief
    Constables through my Joint Audit and Scrutiny Panel (JASP).
""")

NCPI_MONITORING = _flow("""
    The Force will continue to use its dedicated 4ACTION database for tracking and responding to
    all HMICFRS recommendations and areas for improvement overseen by the Deputy Chief Constable.
    The Force also provides regular HMICFRS update reports to my Joint Audit and Scrutiny Panel
    (JASP) who provide additional scrutiny in these important areas.
""")

NCPI_2019_RESPONSE = DemoResponse(
    report=NCPI_2019,
    owner_username="opcc",
    invited_on=date(2020, 2, 28),
    cc_due_on=date(2020, 3, 26),
    cc_received_on=date(2020, 3, 20),
    cc_comments=NCPI_CC_COMMENTS,
    letter_date=date(2020, 4, 16),
    pcc_comments=NCPI_PCC_COMMENTS,
    pcc_comments_on_cc=NCPI_PCC_COMMENTS_ON_CC,
    monitoring=NCPI_MONITORING,
    annex=(
        _other_body("3.1", "the Home Office"),
        _other_body("3.2", "the Ministry of Justice and Department for Education"),
        _force_action(NCPI_2019, "3.3"),
        _other_body("3.4", "the Home Office and Department for Education"),
        _force_action(NCPI_2019, "3.5"),
        _force_action(NCPI_2019, "3.6"),
    ),
    until=ResponseStatus.SENT,
    published_on=date(2020, 4, 16),
)

# --- 2. Missing children: who cares? A draft ------------------------------------------------------
# Seed 003 (003_ea9f78dcf4b9c610.txt, the PCC's response and its Annex 1). The seed's link to the
# report is "#" and its date ordinal is HTML ("23<sup>rd</sup>"): the link is left out and the
# ordinal written "23rd". The draft has no letter date and no PCC's comments on the Chief
# Constable's comments yet, so the completeness gate lists both.

MISSING_PCC_COMMENTS = _flow("""
    On 23rd March 2016, HMIC published its report 'Missing children: who cares? The police response
    to missing and absent children'. HMIC inspected the police response to missing and absent
    children as part of its summer 2015 PEEL (police effectiveness, efficiency and legitimacy)
    effectiveness inspection of all 43 police forces in England and Wales. As part of this work,
    HMIC also assessed forces' preparedness to tackle child sexual exploitation, because children
    who go missing are at greater risk of becoming a victim of this kind of offending (with those
    missing from local authority care being particularly vulnerable).

    HMIC found unacceptable inconsistencies between and within forces, across all aspects of the
    approach to missing children, whether in respect of assessing risks, investigating or
    supporting children leaving them unprotected, and at risk of serious harm. Also, going missing
    can be the precursor to various aspects of significant harm, such as abuse, criminal activity
    or mental ill-health, which can blight a child's life well into adulthood.

    In response to the findings HMIC made a series of recommendations for the Home Office,
    National Police Chiefs' Council, Chief Constables and the College of Policing, aimed at
    ensuring the necessary improvements are made – and quickly.

    I have the same concerns as HMIC and in my Police and Crime Plan (2016-18) one of my strategic
    activities I set for the Chief Constable was to "Work with safeguarding partners to increase
    awareness and understanding of child sexual exploitation, missing children, hidden harm and
    provide support to victims with partners."
""")

MISSING_MONITORING = _flow("""
    The Force has a dedicated 4ACTION database for tracking and responding to HMIC recommendations
    and areas for improvement. **Annex 1** of this written response to HMIC provides an update on
    the current action taken by the Force to address the issues raised by HMIC. The Force provides
    regular HMIC update reports to my Joint Audit and Scrutiny Panel who provide additional
    scrutiny in these important areas.
""")

MISSING_REVIEW = _flow("""
    The Force has reviewed the approach to missing from home enquiries across the force area and
    implemented a revised approach to ensure improved quality and consistency of service to this
    vital area of business.
""")

# Demo content: the Chief Constable's comments are the opening of the force's annex response.
MISSING_CC_COMMENTS = MISSING_REVIEW + " The action taken is set out in Annex 1."

#: Annex 1's force response: the review, then the seed's bullets (the demo actions' descriptions).
MISSING_ANNEX_TEXT = (
    MISSING_REVIEW
    + " That includes:\n\n"
    + "\n".join(f"- {description}" for description, _owner in MISSING_BULLETS)
)

MISSING_CHILDREN_RESPONSE = DemoResponse(
    report=MISSING_CHILDREN_2016,
    owner_username="opcc",
    invited_on=date(2016, 3, 24),
    cc_due_on=date(2016, 4, 20),
    cc_received_on=date(2016, 4, 15),
    cc_comments=MISSING_CC_COMMENTS,
    pcc_comments=MISSING_PCC_COMMENTS,
    monitoring=MISSING_MONITORING,
    annex=(DemoAnnexEntry("1", Explanation.ACTION_TAKEN, MISSING_ANNEX_TEXT),),
)

#: The NCPI post-inspection review's response is left not started.
DEMO_RESPONSES = (NCPI_2019_RESPONSE, MISSING_CHILDREN_RESPONSE)
