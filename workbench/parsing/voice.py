"""Who is speaking in a line of a letter: the requester asking, or the authority answering.

A response quotes the request (the requester's words: "Please provide...",
"How many...?", "I would like...") and answers it (the authority's words: "We
hold...", "The Council considers...", "Please find attached..."). Telling the
two apart line by line is what lets the extractor follow a letter's structure
whatever its layout: the request quoted under a heading, question and answer
in turn, or answers signposted by the request's own numbering. Headings name
sections in both voices ("You asked", "Our response", "Next steps").
"""

from __future__ import annotations

import re

from .literals import Alternation
from .points import ASK
from .text import BULLETS

_REQUEST_WORDS = r"""(?:
        (?:(?:the|your|original|initial|foi|eir|foisa|information|freedom\s+of\s+information|
            customer|applicant|requester(?:'s|’s)?)\s+)*
            (?:request(?:\s+details|\s+text|\s+for\s+information|\s+or\s+question|\s+received)?
              |requested\s+information)
      | information\s+requested | details\s+of\s+(?:your\s+|the\s+)?request
      | what\s+you\s+(?:asked|requested)(?:\s+for)? | you\s+asked(?:\s+us)?(?:\s+for)?
      | you\s+requested(?:\s+the\s+following(?:\s+information)?)?
      | your\s+(?:exact\s+|original\s+|full\s+)?request\s+(?:was|read|stated|said)
            (?:\s+as\s+follows)?
      | (?:the\s+)?information\s+you\s+(?:requested|asked\s+for)
      | questions? | enquiry | query | q\d{0,2}
    )"""
_RESPONSE_WORDS = r"""(?:
        (?:our\s+|the\s+|my\s+|full\s+|foi\s+|final\s+|in\s+)?(?:response|reply|answer|decision|outcome)s?
            (?:\s+to\s+(?:your\s+|the\s+)?(?:request|questions?|enquiry)|\s+(?:provided|given|sent)
              # "Outcome / Documents": a log page's heading over the decision and its files
              |\s*(?:/|&|and)\s*(?:documents?|attachments?|files?|downloads?))?
      | (?:a|ans|answer|response|reply)s?\s*\d{1,2}[a-z]?
            (?:\s*(?:&|and|,|-|–|to)\s*\d{1,2}[a-z]?)*  # "Response 1a and 1b", "Answers 3-5"
      | a
      # "Details of the Response" under "Details of the Request" on a log page
      | details\s+of\s+(?:our\s+|the\s+|my\s+)?(?:response|reply|answer|decision)
      | we\s+answered | we\s+responded | answered
      | reasons?\s+for\s+(?:not\s+providing|refusal|withholding|our\s+decision)[\w\s]*
      | information\s+(?:not\s+held|released|provided|disclosed|withheld)
            (?:\s+(?:for|as|in)\s+(?:the\s+|our\s+)?(?:answer|response|reply))?
      | (?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*)){0,3}\s+(?:response|reply)
    )"""
#: A heading may carry the date of what it heads: "Response 19-07-2022", "Request - 4 May 2023".
_HEADING_DATE = (
    r"(?:\s*[-–:]?\s*(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|"
    r"\d{{1,2}}(?:st|nd|rd|th)?\s+[a-z]{{3,9}}\s+\d{{4}}))?"
)
_BARE = r"^\s*{words}\s*(?::-?|-|–|—)?" + _HEADING_DATE + r"\s*$"
_COLON = r"^\s*{words}\s*:-?\s*(?=\S)"
_REQUEST_HEADING = re.compile(_BARE.format(words=_REQUEST_WORDS), re.I | re.X)
_RESPONSE_HEADING = re.compile(_BARE.format(words=_RESPONSE_WORDS), re.I | re.X)
#: "Request: What is the Trust's agency spend?" - a heading with its text on the same line.
_REQUEST_LEAD = re.compile(_COLON.format(words=_REQUEST_WORDS), re.I | re.X)
_RESPONSE_LEAD = re.compile(_COLON.format(words=_RESPONSE_WORDS), re.I | re.X)

#: Headings of the sections that never answer a point: rights, complaints, next steps.
_RIGHTS_HEADING = re.compile(
    r"^\W*(?:next\s+steps|complaints?(?:\s+procedure)?|your\s+right(?:s)?\b.*|right\s+(?:of|to)\s+"
    r"(?:review|appeal|complain)\b.*|(?:internal\s+)?review\s+(?:procedure|process)|appeals?|"
    r"how\s+to\s+complain|if\s+you\s+are\s+(?:unhappy|dissatisfied)\b.*|your\s+information|"
    r"about\s+foi|contact(?:\s+us)?|further\s+information)\W*$",
    re.IGNORECASE,
)
#: Headings of the reasons for a refusal: the exemption, harm, the public interest.
_REASONS_HEADING = re.compile(
    r"^\W*(?:(?:the\s+)?public\s+interest\b.*|factors?\s+(?:favouring|in\s+favour|for|against)\b.*|"
    r"(?:arguments?|considerations?)\s+(?:in\s+favour|for|against)\b.*|harm(?:\s+in\s+disclosure)?|"
    r"balance\b.*|balancing\s+test|(?:the\s+)?prejudice\s+test|exemptions?\s+(?:applied|used|engaged)|"
    r"(?:FOIA?\s+|FOISA\s+|EIRs?\s+)?(?:section|regulation|s\.|reg\.?)\s*\d+.*|"
    r"reasons?\s+for\s+(?:not\s+providing|refusal|withholding|our\s+decision)\b.*)\W*$",
    re.IGNORECASE,
)
#: A sentence introducing the quoted request after it ("Your request read:", "in which you
#: requested:", "You have asked for copies of the following documents -").
_INTRO = re.compile(
    r"""(?:\b(?:you|the\s+(?:applicant|requester|requestor|customer|enquirer))\s+(?:have\s+|has\s+)?
          (?:[a-z]+ly\s+|also\s+|further\s+)?  # "You specifically ask:", "You also asked:"
          (?:asked|ask|requested|request|wrote|said|stated|seek|sought)\b[^?!]{0,120}
        |\byour\s+(?:\w+\s+){0,3}(?:request|e-?mail|letter|questions?)\b[^?!.]{0,40}
        |\byour\s+request\s+under\s+the\s+[^?!.]{0,80}?\bfor
        |\byour\s+(?:\w+\s+){0,3}request\b[^?!.]{0,100}?\b(?:set\s+out|shown|reproduced)\s+below
        |\binformation\s+(?:you\s+)?requested\b[^?!]{0,90}
        |\brequest\s+(?:was|read|is|reads|stated)\b[^?!]{0,40}
        |\b(?:requesting|seek(?:ing)?\s+access\s+to)\s+the\s+following\b[^?!]{0,60}
        |\bthe\s+following\s+(?:information|questions?|documents?|data)
        # "A further clarification confirmed that you would like:"
        |\byou\s+(?:would\s+like|wanted|wished\s+to\s+(?:know|receive|see))\b[^?!]{0,60}
        # "On 6 January you made the following request:"
        |\byou\s+(?:have\s+)?(?:made|submitted|sent|raised)\s+(?:the\s+following|this)\b[^?!]{0,60}
        |\bas\s+follows)
        \s*[:;\-–]-?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A lead-in that breaks off on a preposition, its object the list that follows: "... my review
#: of our response to your request under FOISA for copies of all correspondence ... in respect
#: of" (no colon; the items come next).
_DANGLING_INTRO = re.compile(
    r"\byour\s+(?:\w+\s+){0,2}request\b[^?!.:;]{0,300}?\s(?:for|of|about|regarding|concerning|"
    r"in\s+respect\s+of|relating\s+to|in\s+relation\s+to)\s*$",
    re.IGNORECASE,
)
#: "Below is your request and our response.", "Set out below are your questions", "Please see
#: below a request for ...": the request follows, whatever ends the sentence.
_REQUEST_BELOW = re.compile(
    r"\bbelow\s+(?:is|are)\s+(?:your|the)\s+(?:request|questions?)\b|"
    # "For ease of reference, your request is replicated below together with the response."
    r"\b(?:your|the)\s+(?:request|questions?)\s+(?:is|are|has\s+been|have\s+been)\s+"
    r"(?:(?:set\s+out|replicated|reproduced|repeated|copied|restated|quoted)\s+)?below\b|"
    # "Please see below a request for the following information": a log page's lead-in
    r"\bsee\s+below\s+(?:a|your|the)\s+(?:request|questions?)\b",
    re.IGNORECASE,
)
#: "Our response to each part of your request is set out below": what is set out is the
#: response, "your request" only the object of "response to".
_ANSWER_TO = re.compile(
    r"\b(?:response|reply|answer)s?\s+to\s+(?:\w+\s+){0,4}?(?:your|the)\s+(?:request|questions?)\b",
    re.IGNORECASE,
)
#: A request reported in running text: "You asked us for copies of ...".
_REPORTED_ASK = re.compile(
    r"""\b(?:(?:you|the\s+(?:applicant|requester|requestor|customer|enquirer))\s+(?:have\s+|has\s+)?
          (?:asked|requested)|asking|requesting)\s+(?:us\s+)?
        (?!(?:for\s+)?(?:an?\s+)?(?:internal\s+)?review)
        (?:(?:for|whether|about|if|how|what|to\s+provide|to\s+be\s+provided\s+with|that)\b
          |(?=cop(?:y|ies)\s+of\b)    # "You requested copies of the minutes": part of the ask
          # "requesting details of incidents ...", "You asked Could you supply ...": the ask
          # itself, its quotation marks lost
          |(?=(?:details|a\s+list|a\s+breakdown|the\s+number)\s+of\b)
          |(?<=asked\s)(?=(?:could|can|would|will|please|how|what|which|when|where|why)\b)
          |(?=[“"]\w))    # "requesting “details of incidents ...”": the request quoted
        """,
    re.IGNORECASE | re.VERBOSE,
)
#: A request named in the letter's thanks for it: "Thank you for your request dated 2 April
#: 2024 for all records of ...", "Further to your email of 3 May requesting copies of ...".
_THANKED_ASK = re.compile(
    r"""^\W*(?:(?:we|I)\s+(?:are\s+|am\s+)?writ(?:e|ing)\s+(?:to\s+you\s+)?)?
        (?:thank\s+you\s+for|thanks\s+for|further\s+to|following|in\s+(?:response|reply)\s+to)
        \s+your\s+(?:(?:recent|freedom\s+of\s+information|foi|foisa|eir|information)\s+)?
        (?:request|e-?mail|letter|enquiry|application)
        (?:\s+(?:dated|of|received(?:\s+on)?|sent(?:\s+on)?)\s+[^,;:]{3,30}?)?
        \s+(?:for|requesting|seeking|asking\s+for|about|regarding|concerning|relating\s+to|
            in\s+which\s+you\s+(?:asked|requested)(?:\s+for)?)
        (?:\s+(?:the\s+)?information\s+(?:about|on|regarding|relating\s+to|concerning|in\s+relation\s+to))?
        \s+(?!(?:an?\s+)?(?:internal\s+)?review\b|information\b|under\b|in\s+which\b|which\b|that\b)
        (?=\w)""",
    re.IGNORECASE | re.VERBOSE,
)
#: A further ask reported after the request: "In addition, the stop messages were also
#: requested.", "You also asked for the crew's notes."
_FURTHER_ASK = re.compile(
    r"^\W*(?:in\s+addition|additionally|further(?:more)?)\b[^.]{0,200}\b(?:was|were)\s+also\s+"
    r"(?:requested|asked\s+for|sought)\b|^\W*you\s+(?:have\s+)?also\s+(?:asked|requested)\s+"
    r"(?:us\s+)?(?:for|whether|about|if|how|what|that|copies)\b",
    re.IGNORECASE,
)
#: The first words of a sentence written by the authority, not the requester.
_AUTHORITY_START = re.compile(
    r"""^[\s"“]*(?:
        # "We are submitting the following request ...": a group asking in the plural
        we\b(?!\s+(?:would|wish|want|request|are\s+requesting|ask|require|
            are\s+(?:submitting|making)\s+(?:the\s+following|this|a)\b|
            are\s+(?:particularly\s+|also\s+)?interested\s+in\b))
      | our\b | thank\s+you | thanks\s+for
      | i\s+(?:can|have|am\s+(?:writing\s+to\s+(?:confirm|inform|advise|let)|pleased|sorry|
            afraid|able|treating|dealing)|
            hope|trust|refer|apologise|write\s+to|attach|enclose|will|must|regret|confirm|note\s+you|
            # "I came to this decision by the following:", "I carried out additional searches"
            (?:came|have\s+come)\s+to\s+(?:this|my|the|a)\s+(?:decision|conclusion|view)|
            (?:carried\s+out|conducted|undertook)\s+(?:an?\s+|the\s+|my\s+|further\s+|additional\s+|
            fresh\s+|new\s+)*(?:searche?s?|review|check)s?\b)
      # "Please find below my FOI requests ...": the requester handing over their own words
      | please\s+(?:see|find|note|be\s+advised)\b(?!\s+(?:\w+\s+)?my\b)
      | in\s+(?:relation|response|reply|answer)\s+to | with\s+regards?\s+to | regarding\b
      | in\s+(?:our|my)\s+(?:response|reply|letter|e-?mail)\b
      | unfortunately | having\b | following\s+(?:your|a|the|our) | however\b | therefore\b
      | this\s+(?:letter|response|email|concludes|information\s+is)
      | yours\s+(?:sincerely|faithfully)
      | (?:the\s+)?information\s+(?:is|was|has\s+been)\s+(?:not\s+)?(?:held|provided|attached)
      | due\s+to\b | as\s+a\s+result\b | as\s+requested\b | to\s+explain\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: "NHS England holds this information", "West Midlands Police will neither confirm ...".
_NAMED_AUTHORITY_START = re.compile(
    r"^(?!(?:This|That|These|Those|It|There|What|How|Which|Who|When|Where|Why|Is|Are|Has|Have|"
    r"Does|Do|Did|Can|Could|Would|Will|My|I|If|Please|For|In|On|Any|All|"
    r"We\s+are\s+(?:submitting|making|requesting|(?:particularly\s+|also\s+)?interested))\b)"
    r"(?:The\s+)?(?!The\b)"
    r"[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|for|and|the)){0,8}\s+"
    r"(?:holds?|does|do|did|can|cannot|has|have|will|would|is|are|was|were|received|confirms?|"
    r"makes?|considers?|takes?|principally|recognises)\b"
)
#: "The council has installed ...": an authority named by what it is, then a verb.
_COMMON_AUTHORITY_START = re.compile(
    r"^\W*(?:the|this|our)\s+(?:council|trust|department|force|university|authority|ministry|board|"
    r"service|government|commission(?:er)?|office|organisation|agency|police|college|company|"
    r"team|unit)\s+(?:\w+\s+)?(?:holds?|does|did|has|have|had|will|would|is|was|can|cannot|"
    r"makes?|considers?|confirms?|received|installed|spent|employs?|operates?|uses?|publishes?|"
    # "The council records claims by calendar year": how the authority keeps its information
    r"records|keeps|maintains|collects|stores|logs)\b",
    re.IGNORECASE,
)
#: "your request", "you asked" early in a sentence: the authority speaking about the request.
_ABOUT_REQUEST = re.compile(
    r"\byour\s+(?:\w+\s+)?request\b|\byou\s+(?:have\s+)?(?:asked|requested)\b", re.I
)
#: The authority naming itself in the third person ("the department", "this council", "a public
#: authority").
_AUTHORITY_NAMED = (
    r"\b(?:the|this|our|a\s+public)\s+(?:council|trust|department|force|university|authority|"
    r"board|service|government|office|organisation|agency|ministry|constabulary)"
)
#: Statements only an authority makes, wherever they are in the sentence: one phrase each,
#: searched as one alternation (an :class:`~.literals.Alternation` tries only the phrases
#: whose words a sentence holds, where the whole pattern would try each at every offset).
_AUTHORITY_WORDS = Alternation(
    (
        r"\b(?:is|are|would\s+be)\s+(?:(?:therefore|thus|considered|deemed)\s+)?"
        r"(?:exempt|not\s+held|held\s+by)\b",
        r"\bby\s+virtue\s+of\b",
        r"\bneither\s+confirm\b",
        r"\b(?:we|I)\s+(?:can\s+)?confirm\b",
        r"\bexemptions?\s+appl",
        r"\bexceptions?\s+appl",
        r"\b(?:does|do)\s+not\s+hold\b",
        r"\bnot\s+held\b",
        r"\bwithheld\b",
        r"\bredacted\b",
        # "Some information the Council holds is already publicly available": the answer begins
        r"\b(?:is|are)\s+already\s+(?:publicly\s+)?(?:available|published)\b",
        r"\bapologi[sz]e\s+for\s+(?:the|any|this)\s+delay\b",
        # "Under section 21, we are not required to provide information ... already reasonably
        # accessible to you": the authority saying what the Act spares it
        r"\bwe\s+are\s+not\s+(?:required|obliged)\s+to\b",
        # "Under section 21 of the Act, the department is not required to provide ...": the
        # same, the authority naming itself
        rf"{_AUTHORITY_NAMED}\s+(?:is|are)\s+not\s+(?:required|obliged)\s+to\b",
        # "The Trust is, therefore, of the view that ...": the authority giving its decision.
        r"\b(?:the|this|our)\s+(?:council|trust|department|force|university|authority|board|"
        r"service|government|office|organisation)\s+(?:is|are)\s*,?\s*(?:therefore\s*,?\s*)?"
        r"of\s+the\s+view\b",
        r"\bI\s+(?:would|'d)\s+like\s+to\s+"
        r"(?:apologi[sz]e|thank\s+you|advise|inform\s+you|explain|confirm)\b",
        # "... details of which are provided in the table below": the authority presenting its
        # answer.
        r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:provided|set\s+out|shown|given|"
        r"listed|detailed)\s+(?:in|on)\s+the\s+(?:table|list|spreadsheet|annex|appendix|attach\w*)\b",
        # "For question 2 we would rely on the following:", "Below is the headcount, we cannot
        # provide data before 2012": the authority deciding what it gives.
        r"\bwe\s+(?:would\s+|will\s+|must\s+)?rely\s+(?:on|upon)\b",
        r"\bwe\s+(?:cannot|can\s*not|can't|are\s+unable\s+to|are\s+not\s+able\s+to)\s+"
        r"(?:provide|supply|give|disclose|release)\b",
        # "the information we can provide will be from our disclosure log": the authority
        # answering.
        r"\b(?:information|data|figures)\s+(?:that\s+)?we\s+(?:can|are\s+able\s+to)\s+"
        r"(?:provide|supply|give|release)\b",
        # "Compliance with this request would exceed the appropriate cost limit": only the
        # authority says what complying would cost (a requester writes "if it would exceed ...,
        # please ...").
        r"\b(?:would|will|does|did)\s+exceed\s+the\s+(?:appropriate|upper|cost|fees?)\b",
        # "This will take more than 18 hours for us to collate": the authority's work on the
        # request.
        r"\bfor\s+us\s+to\s+(?:collate|compile|locate|retrieve|extract|review|check|search|"
        r"identify|gather|answer|respond|comply)\b",
        # "I estimate that it will cost more than the appropriate limit": the authority's estimate
        r"\b(?:will|would)\s+(?:cost|take)\s+(?:well\s+)?(?:more\s+than|over|in\s+excess\s+of)\s+"
        r"the\s+(?:appropriate|cost|upper)\s+limit\b",
    ),
    re.IGNORECASE,
)
#: A sign-off ends a letter or a message.
#: ("Many thanks for your acknowledgement, which I presume ..." opens a message: only thanks
#: standing alone, or for help or time, close one.)
SIGN_OFF = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly|ever|&\s*c\b\.?|etc\b\.?)|kind\s+regards|best\s+(?:regards|wishes)|"
    r"regards|(?:(?:many|with)\s+thanks|thank\s+you)(?:\s+(?:in\s+advance|for\s+your\s+"
    r"(?:help|time|assistance)))?[.,!]?\s*$)",
    re.IGNORECASE,
)
SALUTATION = re.compile(r"^\s*(?:dear\b|to\s+whom\s+it\s+may\s+concern\b)", re.IGNORECASE)
#: A row of figures: "7,069 8,275 8,726" or "Year | 2018 | 2019 |".
_TABLE_ROW = re.compile(
    r"^(?:[^|]*\|){2,}[^|]*$|^\W*(?:£?\d[\d,.]*%?\s+){2,}£?\d[\d,.]*%?\W*$|"
    r"^[^|]{1,40}\|[^|]{1,40}$"
)


#: A dash or bullet before a heading: web pages flatten a list of labels and values into
#: "- Request or Question" / "- Response".
_HEADING_MARK = re.compile(rf"^\s*(?:[{BULLETS}]\s+|[-–—•]\s*)")
_MARKS = frozenset(BULLETS.replace("\\", ""))


def request_heading(line: str) -> int | None:
    """Where the request's text starts after a request heading on ``line``, or None."""
    found = _heading(line, _REQUEST_HEADING, _REQUEST_LEAD)
    if found is None and (dotted := _DOTTED_QUESTION.match(line)):
        return dotted.end()  # "Q. How many grit bins ...?"
    return found


def dotted_answer(line: str) -> int | None:
    """Where the answer starts after "A. " - an answer's mark only right after a "Q. " line
    (alone, "A." is as likely the first item of a lettered list), so the caller checks that."""
    match = _DOTTED_ANSWER.match(line)
    return match.end() if match else None


#: "Q. How many ...?": a question marked by a capital Q and a stop (a list never runs to "Q.").
_DOTTED_QUESTION = re.compile(r"^\s*Q\s*\.\s+(?=\S)")
_DOTTED_ANSWER = re.compile(r"^\s*A\s*\.\s+(?=\S)")


def response_heading(line: str) -> int | None:
    """Where the answer's text starts after a response heading on ``line``, or None."""
    return _heading(line, _RESPONSE_HEADING, _RESPONSE_LEAD)


def _heading(line: str, bare: re.Pattern[str], lead: re.Pattern[str]) -> int | None:
    mark = _HEADING_MARK.match(line) if line.lstrip()[:1] in _MARKS else None
    skip = mark.end() if mark else 0
    rest = line[skip:]
    if len(rest) <= 80 and bare.match(rest):
        return len(line)
    match = lead.match(rest)
    return skip + match.end() if match else None


def rights_heading(line: str) -> bool:
    return len(line) <= 70 and bool(_RIGHTS_HEADING.match(line))


def reasons_heading(line: str) -> bool:
    return len(line) <= 90 and bool(_REASONS_HEADING.match(line))


_REVIEW_GROUNDS = re.compile(
    r"\b(?:requested|asked\s+(?:for|us\s+to\s+carry\s+out)|sought)\s+(?:an?\s+)?(?:internal\s+)?"
    r"review\b[^.?!]{0,120}\b(?:handling|looks?\s+into|grounds|reasons|points?\s+below)\b"
    # "Your complaint on 16 February was as follows:" - the grounds of the review, quoted
    r"|^\W*your\s+(?:complaint|appeal|(?:request\s+for\s+(?:an?\s+)?|)(?:internal\s+)?review"
    r"(?:\s+request)?)\b",
    re.IGNORECASE,
)


#: "attached", but not "attached to J district" (posted there): attached to a letter, an email.
ATTACHED = (
    r"attached(?!\s+to\s+(?!(?:this|the|my|our|your)\s+(?:letter|e-?mails?|response|reply|"
    r"message|correspondence|document)\b))"
)
_ANSWER_FOLLOWS = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|already\s+|publicly\s+|publically\s+)?(?:available|"
    rf"{ATTACHED}|enclosed|provided|given|set\s+out|shown|published|below|as\s+follows)\b"
    # "the following exemption applies:" - the authority's grounds follow, not the request
    # (present tense, closing the sentence: "requests where exemptions applied:" is an ask)
    r"|\b(?:exemptions?|exceptions?)\s+(?:\S+\s+){0,3}?appl(?:y|ies)\s*[:\-–]?\s*$"
    # "... some of that information has been exempted by virtue of the following exemptions:"
    r"|\b(?:has|have)\s+been\s+(?:exempted|withheld|redacted|refused)\b"
    r"|\bby\s+virtue\s+of\s+the\s+following\b"
    # "... has been published online and can be found below using the following links:"
    r"|\b(?:has|have)\s+been\s+(?:published|made\s+available)\b"
    # "... contains the information requested at paragraphs 5.13 to 5.15, and can be accessed
    # via the link below:" - a link follows, not the request
    r"|\bcan\s+be\s+(?:found|accessed|viewed|seen|read|downloaded)\s+(?:below|at|via|on|using|from)\b"
    # "... the information you have requested ... is exempt in accordance with:", "... public
    # interest arguments that weigh in favour of disclosing the information you have sought:" -
    # the refusal's grounds and arguments follow, not the request
    r"|\b(?:is|are|was|were|being)\s+exempt\b|\bpublic\s+interest\b"
    # "... unable to provide some of the information because exemptions under the following
    # sections of FOISA applies to that information:" - the exemptions follow
    r"|\bunable\s+to\s+provide\b[^.?]{0,80}\b(?:exemptions?|exceptions?)\s+under\b[^.?]{0,80}"
    r"\bappl(?:y|ies)\s+to\s+(?:that|this|the|some|all)\b"
    # "I can now respond as follows:" - the authority's answer follows, not the request
    r"|\b(?:respond|reply|answer)\s+(?:to\s+(?:it|this|them|you|your\s+\w+)\s+)?as\s+follows\b"
    # "To aid our response I have retained the numbering from your request:" - the answers
    # follow, numbered as the request was
    r"|\b(?:retained|kept|used|followed|kept\s+to)\s+(?:the\s+)?(?:same\s+)?numbering\b"
    # "In answer to your specific questions:" - the answers follow, question by question
    r"|^\W*in\s+(?:answer|response|reply)\s+to\s+(?:each\s+of\s+)?(?:your|the)\s+(?:\w+\s+){0,2}"
    r"(?:questions?|points?|queries)\W*$"
    # "I enclose a copy of some of the information you have requested:", "In our response we
    # stated that we were consulted on two applications as follows:" - the authority handing
    # over, or telling what it said: its own list follows, not the request
    r"|\b(?:I|we)\s+(?:(?:also|have|had|now|hereby)\s+)*(?:enclos(?:e|ed|ing)|attach(?:ed|ing)?|stated|explained|"
    r"set\s+out|listed)\b",
    re.IGNORECASE,
)


#: The authority leading into its own answers, whatever request it names on the way: "In
#: response to your request, please find our answers below:", "With regard to your questions,
#: we can advise:", "In answer to your email, our response is:".
_ANSWERS_LEAD = re.compile(
    r"\bplease\s+(?:find|see)\s+(?:below\s+)?(?:our|my|the)\s+(?:responses?|repl(?:y|ies)|answers?)\b"
    r"|\b(?:I|we)\s+(?:can|are\s+(?:now\s+)?able\s+to|would\s+like\s+to|wish\s+to)\s+(?:now\s+)?"
    r"(?:advise|confirm|inform\s+you|respond|reply|answer|provide)\b"
    r"|\b(?:our|my)\s+(?:responses?|repl(?:y|ies)|answers?)\s+(?:is|are)\b",
    re.IGNORECASE,
)
#: The requester's ask told back: "You asked if we can provide:" stays a request's lead-in.
_YOU_ASKED = re.compile(
    r"\byou\s+(?:have\s+|had\s+)?(?:asked|requested|wrote|sought|enquired|wanted)\b", re.IGNORECASE
)

#: A bullet glyph ending a line: a PDF copied to text puts the next item's bullet there.
GLYPHS = ("·", "•", "\uf0b7", "\uf0a7")
GLYPH_AT_END = re.compile(r"\s[·•\uf0b7\uf0a7]\s*$")
#: Quotation marks that open a quotation, left at the end of its lead-in's line.
_OPENING_QUOTES = ("“", "‘", '"')

#: The longest lead-in read as one when it ends in a semicolon rather than a colon.
_SHORT_LEAD = 60


def introduces_request(sentence: str) -> bool:
    """ "Your request read:", "You asked:": the quoted request follows."""
    if "below" in sentence.lower():
        below = _REQUEST_BELOW.search(sentence)
        if below is not None and not _ANSWER_TO.search(sentence, 0, below.end()):
            return True  # "Below is your request and our response."
    if sentence.rstrip().endswith(GLYPHS):
        sentence = GLYPH_AT_END.sub("", sentence)  # "You asked for: ·" - the first item's bullet
    if sentence.rstrip().endswith(_OPENING_QUOTES):
        # "... your request of 15 February for:- '": the quotation opens on the next line
        sentence = sentence.rstrip()[:-1]
    if _DANGLING_INTRO.search(sentence) and not _REVIEW_GROUNDS.search(sentence):
        return True  # "I have now completed my review of our response to your request ... for
        # copies of all correspondence ... in respect of" - the request's items follow
    ending = sentence.rstrip()[-2:]
    if not any(mark in ending for mark in ":-–") and not (
        ";" in ending and len(sentence.strip()) <= _SHORT_LEAD
    ):
        return False  # (a short lead-in may end in a semicolon: "Your original request was;")
    if _REVIEW_GROUNDS.search(sentence):
        return False  # "You requested a review of our handling, that looks into:" - its grounds
    if _ANSWER_FOLLOWS.search(sentence):
        return False  # "The information you asked for is available on our website:" - the answer
    if _ANSWERS_LEAD.search(sentence) and not _YOU_ASKED.search(sentence):
        return False  # "In response to your request, please find our answers below:"
    return bool(_INTRO.search(sentence))


def reported_ask(sentence: str) -> re.Match[str] | None:
    """ "You asked us for copies of ...": the request reported in running text."""
    return _REPORTED_ASK.search(sentence)


def thanked_ask(sentence: str) -> re.Match[str] | None:
    """ "Thank you for your request dated 2 April for all records of ...": the request named
    in the thanks for it, often no more than its subject."""
    return _THANKED_ASK.search(sentence)


def further_ask(sentence: str) -> bool:
    """ "In addition, X was also requested.": one more point of a request reported above."""
    return _FURTHER_ASK.search(sentence) is not None


#: A list label or bullet opening a line: not part of either voice.
_MARKER = re.compile(
    rf"^\s*(?:[{BULLETS}]\s+|\(?(?:\d{{1,2}}[a-z]?|[a-z]|[ivx]{{1,5}})[.)]\s+|"
    r"(?:Q|Question|Request|Point|Part|Item)\s?\d{1,2}[a-z]?\s*[.:)\-–—]?\s+)",
    re.IGNORECASE,
)
#: "please get in touch", "please contact me": polite, but asks for no information.
_NOT_AN_ASK = re.compile(
    r"^\W*(?:(?:however|if\s+you\s+need[^,]*),?\s*)?please\s+(?:do\s+)?(?:get\s+in\s+touch|contact|"
    r"let\s+(?:me|us)\s+know|note|acknowledge|confirm\s+receipt|do\s+not\s+hesitate|"
    # "Please accept my sincere apologies for the delay": the authority apologising
    r"accept\s+(?:my|our)\s+(?:sincere\s+|sincerest\s+)?apolog)|"
    r"\bif\s+you\s+need\s+any\s+(?:further\s+)?(?:assistance|clarification)|"
    # "Your reference number is 304-2122 please quote this number on any correspondence"
    r"\bplease\s+quote\s+(?:this|the|our|your)\s+(?:reference|ref|number)|"
    # "we cannot provide data before 2012", "we are not required to provide information ...
    # if it is already reasonably accessible to you": the authority saying what it need not
    # or cannot give
    r"\bwe\s+(?:cannot|can\s*not|can't|are\s+unable\s+to|are\s+not\s+able\s+to|"
    r"are\s+not\s+(?:required|obliged)\s+to|do\s+not\s+have\s+to|need\s+not)\s+"
    r"(?:provide|supply|give|disclose|release)\b|"
    rf"{_AUTHORITY_NAMED}\s+(?:is|are)\s+not\s+(?:required|obliged)\s+to\s+"
    r"(?:provide|supply|give|disclose|release)\b",
    re.IGNORECASE,
)


def own_words(line: str) -> str:
    """A line without the list label or bullet that opens it."""
    match = _MARKER.match(line)
    return line[match.end() :] if match else line


#: "please see the link below", "please find attached": the authority pointing, not asking.
_POINTING = re.compile(
    r"\bplease\s+(?:see|find|note|be\s+advised|refer|visit|go\s+to|search\s+(?:under|on|our)|"
    r"(?:enter|click(?:\s+on)?|follow|copy|open|use)\s+(?:this|the|our)\s+(?:link|address|url))\b",
    re.I,
)
#: The space after a sentence's stop, before the next sentence opens. It opens with the space
#: and looks back for the stop from there: a pattern that opens with a plain class is tried only
#: at the spaces of a text, one that opens by looking back at every offset (the same splits).
_SENTENCE_BREAK = re.compile(r"\s(?<=[.?!]\s)\s*(?=[\"“(]?[A-Z0-9])")
#: "..., then please contact us", "please let me know": an offer of help, wherever it stands
#: in the sentence, asks for no information (what else the sentence says may still ask).
_POLITE = re.compile(
    r"\bplease\s+(?:do\s+)?(?:get\s+in\s+touch|contact\s+(?:me|us|the|our)\b|"
    r"let\s+(?:me|us)\s+know|do\s+not\s+hesitate)",
    re.IGNORECASE,
)


#: "Copies of the minutes are attached", "The figures requested are set out below", "The
#: information released can be found in the document attached": the thing
#: asked for as the subject of a verb that gives it, so the authority answering, not a request
#: item ("Copies of the minutes that are held by ..." asks: a clause word comes first).
_GIVEN = re.compile(
    r"""^\W*(?:(?:an?|the|all|any)\s+)?(?:cop(?:y|ies)|details|information|data|list|breakdown|
        figures?|numbers?|totals?|minutes|documents?|records?|reports?|names?)\b
        (?:(?!\b(?:who|which|that|if|whether|where|when|why|how|they|it)\b)[^.?!]){0,120}?
        \b(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|also\s+)?
        (?:"""
    + ATTACHED
    + r"""|enclosed|provided|included|set\s+out|shown|given|available|published|
        redacted|withheld|not\s+held|held)
        |can\s+(?:now\s+|also\s+)?be\s+(?:found|seen|viewed|accessed))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def asks(text: str) -> bool:
    """The requester's voice in any sentence: a question, "please provide", "I would like"."""
    return any(_asks(sentence) for sentence in _SENTENCE_BREAK.split(own_words(text)))


def _asks(sentence: str) -> bool:
    if not ASK.search(sentence) or _NOT_AN_ASK.search(sentence):
        return False
    if _GIVEN.search(sentence) and "?" not in sentence:
        return False
    if _POINTING.search(sentence):
        return bool(ASK.search(_POINTING.sub("", sentence).replace("please", "")))
    if _POLITE.search(sentence):
        return bool(ASK.search(_POLITE.sub("", sentence)))
    return True


#: A line holding a short label and then only figures ("Physical 19", "2014-15 Total 42 12"):
#: a row of a table whose rules were lost.
_FIGURE_ROW = re.compile(
    r"^\s*(?:(?:19|20)\d\d(?:[-/]\d{2,4})?\s+)?[A-Za-z][A-Za-z0-9 /&()'’-]{0,40}?"
    r"(?:\s+£?\d[\d,.]*%?){1,4}\s*$"
)


def figure_row(line: str) -> bool:
    """Whether ``line`` is a label followed by figures only (a table row without rules).

    A letterhead's contact lines ("T 0203 334 2915", "Fax 0870 324 0126", "DX 152380
    Westminster 8") have that shape too, but give no figures."""
    return _FIGURE_ROW.match(line) is not None and _CONTACT_LINE.match(line) is None


#: A UK telephone number: groups of digits, the first with a leading zero or a country code,
#: which no count or sum has ("0303 123 1113", "0114 20 53478", "+44 114 205 3478").
_PHONE_NUMBER = r"(?:\+\d{2}\s?(?:\(0\)\s?)?|\b0)\d{2,4}(?:[\s-]?\d{2,4}){2,3}"
#: A line of contact details: a telephone, fax or DX label, or ending in a telephone number
#: ("T" and "F" alone are no such label: "M 45" / "F 38" count men and women).
_CONTACT_LINE = re.compile(
    r"^\s*(?:(?:tel|telephone|phone|fax|mobile|mob|dx|minicom|textphone)\b\.?:?\s"
    rf"|.*{_PHONE_NUMBER}\W*$)",
    re.IGNORECASE,
)


def figure_table(lines: list[str]) -> bool:
    """Whether ``lines`` are rows of a table: each a label and figures, the labels not all one
    word numbered in turn ("Attachment 1", "Attachment 2" list files, they give no figures)."""
    if not lines or not all(figure_row(line) for line in lines):
        return False
    labels = {re.sub(r"[\d\s,.%£]+$", "", line.strip()).lower() for line in lines}
    return len(labels) > 1


def authority_speaks(sentence: str) -> bool:
    """The authority's voice: its usual openings, its name and a verb, "your request"."""
    sentence = own_words(sentence)
    first = sentence[:160]
    return bool(
        _AUTHORITY_START.match(sentence)
        or _NAMED_AUTHORITY_START.match(sentence)
        or _COMMON_AUTHORITY_START.match(sentence)
        or _ABOUT_REQUEST.search(first)
        or (_AUTHORITY_WORDS.search(sentence) and not asks(sentence))
        or _gives(sentence)
    )


def _gives(text: str) -> bool:
    """ "The information released can be found in the document attached": what was asked for,
    as the subject of a verb that hands it over - only the authority says that of its first
    sentence (a requester's "Copies of the reports that are held" puts a clause word first)."""
    first = _SENTENCE_BREAK.split(text.strip(), maxsplit=1)[0]
    return "?" not in first and _GIVEN.search(first) is not None


#: "2010, 2011, 2012, 2013": the years a request asks about, not a row of figures.
_YEARS_ONLY = re.compile(r"^\W*(?:(?:19|20)\d\d(?:[/-]\d\d)?[\s,;&]*(?:and\s+)?){2,}\W*$")


#: "2021/22 1,012", "2025/26 (to date). 27 accepted": a period and its figure, a row of an answer.
_PERIOD_FIGURES = re.compile(
    r"^\W*(?:19|20)\d\d(?:[/-]\d{2,4})?(?:\s*\([^)]{1,20}\))?[.:]?\s+£?\d[\d,.]*(?:\s|$)"
)


#: A telephone number on a line of its own, under the Commissioner's address, say.
_PHONE = re.compile(rf"^{_PHONE_NUMBER}\W*$")
_PHONE_OPENINGS = frozenset("0+")
#: A download link's file type and size: "Response (PDF | 58KB)" is a link, not a table row.
_FILE_SIZE = re.compile(r"\(\s*[A-Za-z]{2,5}\s*\|\s*\d+(?:\.\d+)?\s*[KMG]B\s*\)", re.IGNORECASE)


def is_table_row(line: str) -> bool:
    stripped = line.strip()
    if "|" in stripped and _FILE_SIZE.search(stripped):
        return False
    if stripped[:1] in _PHONE_OPENINGS and _PHONE.match(stripped):
        return False  # "0303 123 1113" under the Commissioner's address: a number to ring
    row = _TABLE_ROW.match(stripped) or (stripped[:1].isdigit() and _PERIOD_FIGURES.match(stripped))
    return bool(row) and not (stripped[:1].isdigit() and _YEARS_ONLY.match(stripped))


#: Words a statement of fact never opens with: a question's ("What ...", "Is there ..."), a
#: request's ("Please ...", "Copies of ..."), a condition ("If ...", "Where ..."), the requester
#: speaking of themself ("I", "My").
_NOT_A_STATEMENT = (
    r"what|which|who|whom|whose|why|how|when|where|whether|if|unless|is|are|was|were|has|have|"
    r"had|does|do|did|can|could|would|will|should|shall|may|might|please|kindly|i|i'm|my|me|"
    r"you|your|for|to|in\s+(?:each|every|the\s+(?:last|past|period))|copies|copy|details|"
    r"(?:a\s+|the\s+)?(?:list|number|total|breakdown|names?|dates?|amount|reasons?|times?|costs?|"
    r"values?|sums?)\b|any|all|each|every"
)
#: The subject of a statement: words up to its verb, none of them a clause word (which would
#: make the verb part of a relative clause inside a requested item: "The number of staff who
#: were dismissed") or the requester's own (I, my, you).
_SUBJECT = (
    r"(?:(?:it|they)\s+)?"
    r"(?:(?!\b(?:who|whom|which|that|if|whether|where|when|why|how|what|please|you|your|I|my|me|"
    # a pronoun inside the subject is a clause's own ("The reason it was repossessed",
    # "the contract it was awarded"): a requested item, not a statement
    r"could|would|can|it|they|he|she|them)\b)[^.?!;:]){1,120}?"
)
#: A statement of what is the case, in the present or the past: a subject, then "is", "are",
#: "was", "were", "has", "have" with what is done or held ("Road repairs are assigned
#: priorities", "A brief explanation is included in the minutes", "Specific information is not
#: available", "In 2024-25 the percentage repaired in 28 days was 58%"); "There is no ...",
#: "Yes, ...", "No, ...", "According to ...": an answer's openings.
_STATEMENT = re.compile(
    rf"""^\W*(?:
        (?:yes|no)\b(?:\s*[,.;:–-]|\s+(?:the|we|it|this|these|there|they|that|our|none|not|such)\b)
      | there\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:no|not|none|only|\d|£)
      | according\s+to\b
      # "While our aim is to provide information ...", "In response HMRC said ...", "As
      # explained in the response to question 1 ...", "For questions 2 and 3, the information
      # below ...", "See attached file.", "Not applicable."
      | (?:while|whilst|although|though|as|since|because)\s+(?:our|we)\b
      | in\s+(?:response|reply|answer)\b(?!\s+to\b)
      | as\s+(?:explained|stated|mentioned|set\s+out|detailed|noted|advised)\b
      | for\s+(?:questions?|points?|parts?|requests?)\s+\d[^.?!]{{0,40}},\s+
        (?:the|our|we|this|there)\b
      | see\s+(?:the\s+)?(?:attached|enclosed|below|above)\b
      | (?:not\s+applicable|n/a|none|nil)\W*$
      # "Between April 2023 and March 2024 the force received 1,204 complaints": a period, then
      # the authority naming itself and what it did
      | (?:in|during|between|from|for|since|over|as\s+at|as\s+of)\s+[^.?!;:]{{1,60}}?,?\s+
        (?:the|this|our)\s+(?:council|trust|department|force|university|authority|board|
           service|police|organisation|agency|office|college|constabulary)\s+(?:\w+\s+)?
        (?:received|recorded|issued|held|spent|paid|employed|attended|dealt\s+with|
           carried\s+out|made|had|has|have|was|were|is|are|did|does|installed|removed)\b
      # "No FPNs issued from 2015 to 2018", "No complaints were received"
      | no\s+(?:[\w'’-]+\s+){{1,3}}(?:(?:were|was|have\s+been|has\s+been)\s+)?
        (?:issued|recorded|received|held|made|found|paid|reported|identified|located)\b
      # "Wokingham Borough Highways use an online system ...", "Northshire Police recorded 41
      # incidents": the authority by name, then what it does or did
      | (?-i:(?!(?:If|When|Where|Whether|What|Which|Who|How|Why|Please|Any|All|Each|The|This|
            That|These|Those|It|There|I|My|We|Our|Your|You|Copies|Details|Number|List)\b)
            [A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|for|and|the)){{0,6}})\s+
        # (the verb in lower case: "Total Agency Spend for Nursing" is a title)
        (?-i:(?:use|keep|operate|employ|publish|maintain|collect|provide|pay|spent|spend|issued|
           recorded|introduced|installed|carried\s+out|undertook)s?)\b
      | (?!(?:{_NOT_A_STATEMENT})\b){_SUBJECT}
        \b(?:is|are|was|were|has\s+been|have\s+been|has|have)\s+
        (?:(?:not|also|now|only|currently|therefore|already|still|then|generally|usually)\s+)*
        (?!(?:requested|asked|sought|required|needed|wanted)\b)
        (?:(?:[a-z]+ed|held|paid|made|kept|known|given|shown|seen|done|sent|taken|available|
           responsible|none|nil|zero|£?\d[\d,.]*%?(?!\w)(?!\s*(?:years?|months?|weeks?|days?)\b))
           (?!\w)
           # "The successful consultants are Fourth Street Ltd": a name as what is the case
           |(?-i:[A-Z][a-z]+\s+[A-Z]))
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def states(text: str) -> bool:
    """A statement of fact, in neither party's words for certain but the way an answer speaks:
    what is held, done, available, counted ("No, the items are not minuted.", "Road repairs are
    assigned priorities by risk.", "The percentage repaired in 28 days was 58%."). A request's
    own words state things too (the background to an ask), so the caller weighs where it stands:
    straight after the last ask, with no ask after it, it is the answer beginning."""
    first = _SENTENCE_BREAK.split(own_words(text).strip(), maxsplit=1)[0]
    if "?" in first or asks(first) or first.rstrip().endswith(":"):
        # "This includes, but is not limited to:" leads into more of the request: a line
        # ending in a colon announces what follows rather than stating a fact.
        return False
    return _STATEMENT.match(first) is not None
