"""What the meeting screen may show: personal data masked, for the projector. Qt-free.

The screen may be on a projector, so every text it shows about a matter goes
through `precedents.anonymize` (names → 王某, ID numbers and phones masked,
addresses cut to the town). A record lists its persons, but titles and
narratives often name someone the list does not (陈国平，87岁 / 名叫方志强):
those names, found the way case files introduce people
(`search_index.names.written_names`), are masked as well. Titles, being
short, also lose the words the segmenter reads as a person's name
(`mask_names`); narratives do not, where that reading catches ordinary words too.
"""

from __future__ import annotations

from collections.abc import Iterable

from precedents.anonymize import mask_record, mask_text
from precedents.record import Person, PrecedentRecord
from search_index.analysis import segmenter
from search_index.names import mask_names, written_names


def persons_to_mask(persons: Iterable[Person], *texts: str) -> list[Person]:
    """`persons` and everyone `texts` name the way case files introduce people."""
    out = list(persons)
    known = {person.name for person in out}
    for text in texts:
        for name in written_names(text):
            if name not in known:
                known.add(name)
                out.append(Person(name=name))
    return out


def masked_title(title: str, persons: Iterable[Person] = ()) -> str:
    """A matter's title fit for the projector."""
    return mask_names(mask_text(title, persons_to_mask(persons, title)), (), segmenter())


def masked_record(record: PrecedentRecord) -> tuple[PrecedentRecord, list[Person]]:
    """`record` fit for the projector, and the persons whose names were masked in it.

    The persons are kept (unmasked, never shown) so that the texts of the
    matter's reviews can be masked the same way.
    """
    persons = persons_to_mask(record.persons, record.title, record.situation)
    probe = record.copy()
    probe.persons = persons
    masked = mask_record(probe)
    masked.title = masked_title(record.title, persons)
    masked.persons = masked.persons[: len(record.persons)]
    return masked, persons


def mask(text: str, persons: Iterable[Person]) -> str:
    """`text` (a review's reason or decision) with the matter's persons masked."""
    return mask_text(text, persons_to_mask(persons, text))
