"""Combo boxes that may be narrower than their longest entry: the compact window is 360 px
wide, and task titles and area names come from my-vpa at any length."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def shrinkable(box: QComboBox, characters: int = 8) -> None:
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(characters)
