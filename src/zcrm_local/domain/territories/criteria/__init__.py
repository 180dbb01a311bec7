"""The rule-criteria language of territories (spec 20 §9): parse to an AST, then evaluate it."""

from .ast import Condition, DateLiteral, Group, Node, leaf_count, to_json
from .evaluator import EvalEnv, evaluate, matches
from .families import COMPARATORS, DATE_LITERALS, family_of
from .parser import CriteriaSchema, parse_criteria

__all__ = [
    "COMPARATORS",
    "Condition",
    "CriteriaSchema",
    "DATE_LITERALS",
    "DateLiteral",
    "EvalEnv",
    "Group",
    "Node",
    "evaluate",
    "family_of",
    "leaf_count",
    "matches",
    "parse_criteria",
    "to_json",
]
