"""Explicit state machines: one table of allowed transitions, one function that applies them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

StateT = TypeVar("StateT", bound=StrEnum)
ActionT = TypeVar("ActionT", bound=StrEnum)


class TransitionNotAllowed(Exception):
    """An action was asked of an object whose current state does not allow it."""

    def __init__(self, state: StrEnum, action: StrEnum) -> None:
        super().__init__(f"{str(action)!r} is not allowed from {str(state)!r}")
        self.state = state
        self.action = action


@dataclass(frozen=True)
class StateMachine(Generic[StateT, ActionT]):
    """``transitions[action]`` maps each state the action may start from to the state it leads to."""

    transitions: Mapping[ActionT, Mapping[StateT, StateT]]

    def target(self, state: StateT, action: ActionT) -> StateT:
        try:
            return self.transitions[action][state]
        except KeyError:
            raise TransitionNotAllowed(state, action) from None

    def allows(self, state: StateT, action: ActionT) -> bool:
        return state in self.transitions.get(action, {})

    def actions_from(self, state: StateT) -> list[ActionT]:
        return [action for action, moves in self.transitions.items() if state in moves]
