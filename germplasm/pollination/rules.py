"""Gametophytic self-incompatibility (the S-RNase system of plums and cherries) as pure
functions: parse an S-genotype, classify a cross, name its incompatibility group, and check
that a genotype can come from its recorded parents.

The style rejects a pollen grain whose S-allele is one of the style's own two alleles, so for a
female F and a pollen cultivar P: compatible when neither of P's alleles is in F, half when
one is (half the pollen grows), incompatible when both are. A self-compatible allele (cherry's
pollen-part mutants written with a prime, S4'; plum's Sc and Se) is accepted by every style,
so a cultivar carrying one sets fruit with its own pollen."""
import re
from dataclasses import dataclass

SELF_COMPATIBLE_NAMES = frozenset({"Sc", "Se"})
KNOWN = re.compile(r"^S(\d+|[a-wyz])('|m)?$")  # S1, S13, Sa, S4' (pollen-part mutant), S7m
UNKNOWN = re.compile(r"^S(\?|x|X|\d+(/\d+)+\??|\d+\?)?$")  # S?, Sx, S17/30? (unresolved)
PRIMES = str.maketrans({"′": "'", "’": "'", "‘": "'", "´": "'"})
SEPARATORS = re.compile(r"[\s,;+-]+")

COMPATIBLE, HALF, INCOMPATIBLE, UNKNOWN_CLASS = "compatible", "half", "incompatible", "unknown"


class GenotypeProblem(ValueError):
    pass


@dataclass(frozen=True)
class Allele:
    name: str  # as written, primes normalised: S4', Sc

    @property
    def self_compatible(self) -> bool:
        return self.name.endswith("'") or self.name in SELF_COMPATIBLE_NAMES

    @property
    def specificity(self) -> str:
        """What the style recognises: a pollen-part mutant keeps its style's S-RNase (S4')."""
        return self.name.rstrip("'")

    def sort_key(self) -> tuple:
        body = self.name[1:].rstrip("'m")
        return (0, int(body), self.name) if body.isdigit() else (1, 0, self.name)


@dataclass(frozen=True)
class Genotype:
    text: str  # normalised: S1S3, SeSc, S3S?
    alleles: tuple[Allele | None, Allele | None]  # None: an allele not (fully) identified

    @property
    def known(self) -> bool:
        return all(self.alleles)

    @property
    def self_compatible(self) -> bool:
        return any(a and a.self_compatible for a in self.alleles)

    @property
    def group(self) -> str | None:
        """The incompatibility group: cultivars with the same two alleles cannot pollinate
        each other. Named by the alleles (S1S3); None when an allele is unknown."""
        if not self.known:
            return None
        return "".join(a.name for a in sorted(self.alleles, key=Allele.sort_key))


def parse(text: str) -> Genotype:
    """`S1S3`, `S3S4'`, `SeSc`, `S1 S3`, `S3S?`: two alleles, each S followed by a number or a
    lower-case letter; `S?`, `Sx` or `S17/30?` stand for an allele not identified."""
    cleaned = SEPARATORS.sub("", (text or "").translate(PRIMES))
    if not cleaned:
        raise GenotypeProblem("is empty")
    if not cleaned.startswith("S"):
        raise GenotypeProblem(f"{text.strip()!r} is not an S-genotype such as S1S3 or SeSc")
    tokens = ["S" + t for t in cleaned.split("S")[1:]]
    if len(tokens) != 2:
        raise GenotypeProblem(f"{text.strip()!r} has {len(tokens)} alleles, not two "
                              "(write S1S? when one is not known)")
    alleles = tuple(_allele(token, text) for token in tokens)
    written = "".join(a.name if a else t if UNKNOWN.match(t) and t != "S" else "S?"
                      for a, t in zip(alleles, tokens, strict=True))
    return Genotype(written, alleles)


def _allele(token: str, text: str) -> Allele | None:
    if KNOWN.match(token):
        return Allele(token)
    if UNKNOWN.match(token):
        return None
    raise GenotypeProblem(f"{token!r} in {text.strip()!r} is not an S-allele "
                          "(S1, S4', Sa, Sc, or S? for an unknown one)")


@dataclass(frozen=True)
class Verdict:
    compatibility: str
    reason: str
    rejected: tuple[str, ...] = ()  # the pollen's alleles the female's style stops


def cross(female: Genotype | None, male: Genotype | None) -> Verdict:
    """How well `male`'s pollen sets fruit on `female`."""
    if female is None or male is None:
        which = "female" if female is None else "male"
        return Verdict(UNKNOWN_CLASS, f"the {which} has no S-genotype")
    if not female.known or not male.known:
        which = female if not female.known else male
        return Verdict(UNKNOWN_CLASS, f"{which.text} has an unidentified allele")
    style = {a.specificity for a in female.alleles}
    stopped = tuple(a.name for a in male.alleles
                    if not a.self_compatible and a.specificity in style)
    if not stopped:
        return Verdict(COMPATIBLE, f"no pollen allele of {male.text} is in {female.text}")
    if len(stopped) == 1:
        return Verdict(HALF, f"pollen with {stopped[0]} is stopped by {female.text}; "
                       "the other half grows", stopped)
    return Verdict(INCOMPATIBLE, f"both pollen alleles of {male.text} are in {female.text}",
                   stopped)


def self_compatible(genotype: Genotype | None) -> bool | None:
    """True when the cultivar's own pollen grows in its style; None when not known."""
    if genotype is None or not genotype.known:
        return True if genotype is not None and genotype.self_compatible else None
    return cross(genotype, genotype).compatibility != INCOMPATIBLE


def parent_problem(child: Genotype, mother: Genotype | None,
                   father: Genotype | None) -> str | None:
    """Why `child` cannot come from these parents, or None (also when something is unknown):
    one allele from each parent, and the father's allele one the mother's style accepts."""
    if not (child.known and mother and mother.known and father and father.known):
        return None
    style = {a.specificity for a in mother.alleles}
    first, second = child.alleles
    for from_mother, from_father in ((first, second), (second, first)):
        accepted = from_father.self_compatible or from_father.specificity not in style
        if from_mother in mother.alleles and from_father in father.alleles and accepted:
            return None
    return (f"{child.text} cannot come from mother {mother.text} × father {father.text}: "
            "each allele must come from one parent, and the father's cannot be one of the "
            "mother's")
