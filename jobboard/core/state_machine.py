"""Explicit state machines: one table of allowed transitions and, beside it, who may take each action."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from jobboard.core.errors import Forbidden, InvalidInput
from jobboard.core.roles import Role

StateT = TypeVar("StateT", bound=StrEnum)
ActionT = TypeVar("ActionT", bound=StrEnum)

# The board itself (the clock, a command run on the server) takes the actions no person takes.
BOARD: frozenset[Role] = frozenset()


class TransitionNotAllowed(Exception):
    """An action was asked of an object whose current state does not allow it."""

    def __init__(self, state: StrEnum, action: StrEnum) -> None:
        super().__init__(f"{str(action)!r} is not allowed from {str(state)!r}")
        self.state = state
        self.action = action


@dataclass(frozen=True)
class StateMachine(Generic[StateT, ActionT]):
    """``transitions[action]`` maps each state the action may start from to the state it leads to;
    ``takers[action]`` is the roles that may take it (``BOARD``: no person, only the board itself).
    ``edits`` are actions that come with an edit of the record (a revised posting, an amended profile):
    taken by saving its form, never offered or accepted as a button of their own."""

    transitions: Mapping[ActionT, Mapping[StateT, StateT]]
    takers: Mapping[ActionT, frozenset[Role]]
    edits: frozenset[ActionT] = frozenset()

    def __post_init__(self) -> None:
        # An action nobody was assigned would be refused to everyone without a word: fail at import.
        if set(self.transitions) != set(self.takers):
            raise ValueError("every action needs its takers, and every taker an action")

    def action_named(self, name: str) -> ActionT:
        """The action a URL names; a name that is no action of this machine is invalid input."""
        for action in self.transitions:
            if action == name:
                return action
        raise InvalidInput({"action": "enum"})

    def may_take(self, action: ActionT, role: Role | None) -> bool:
        """``role is None`` is the board itself, which takes only the actions no person takes."""
        takers = self.takers.get(action)
        if takers is None:
            return False
        return not takers if role is None else role in takers

    def target(self, state: StateT, action: ActionT, role: Role | None, *, edit: bool = False) -> StateT:
        """The state ``action`` leads to; refuses an action of another role (or an edit's action without
        the edit), then a move not in the table."""
        if not self.may_take(action, role) or (action in self.edits and not edit):
            raise Forbidden()
        try:
            return self.transitions[action][state]
        except KeyError:
            raise TransitionNotAllowed(state, action) from None

    def allows(self, state: StateT, action: ActionT) -> bool:
        return state in self.transitions.get(action, {})

    def actions_for(self, state: StateT, role: Role | None) -> list[ActionT]:
        """What ``role`` may do from ``state``, in the table's order: the buttons a page offers."""
        return [
            action
            for action, moves in self.transitions.items()
            if state in moves and action not in self.edits and self.may_take(action, role)
        ]
