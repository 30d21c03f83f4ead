"""What the quarterly report notebook reads and draws: the demo register by default, or a store."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from register_fixtures import build_register

from workbench import register
from workbench.errors import DateError
from workbench.register_report import (
    outcomes_chart,
    provisions_chart,
    report_source,
    timeliness_chart,
)
from workbench.store import Store


@pytest.fixture(scope="module")
def demo():
    source = report_source("demo")
    yield source
    source.close()
    assert not source.output_dir.exists()


def test_the_default_is_the_synthetic_demo_register_as_of_its_last_day(demo, monkeypatch):
    assert "Synthetic demo register" in repr(demo)
    assert demo.today == dt.date(2025, 12, 31)
    assert demo.register.reviews["case_id"].str.startswith("DEMO-").all()
    assert len(demo.register.reviews) == 3000


def test_the_demo_is_the_same_every_time(demo):
    again = report_source("demo")
    first = register.report(demo.register, demo.today)
    second = register.report(again.register, again.today)
    again.close()
    for key in first:
        assert first[key].equals(second[key]), key


def test_the_store_in_settings_and_a_fixed_day(isolated_data, store_url, monkeypatch):
    with Store() as store:
        build_register(store)
    monkeypatch.setenv("WORKBENCH_REGISTER", "store")
    monkeypatch.setenv("WORKBENCH_REGISTER_TODAY", "2024-12-31")
    source = report_source()
    assert len(source.register.reviews) == 6 and source.today == dt.date(2024, 12, 31)
    written = source.write_xlsx(register.report(source.register, source.today))
    assert written == isolated_data / "exports" / "register.xlsx"
    assert "outcomes" in openpyxl.load_workbook(written).sheetnames


def test_a_bad_day_is_named(monkeypatch):
    monkeypatch.setenv("WORKBENCH_REGISTER_TODAY", "tomorrow")
    with pytest.raises(DateError, match="WORKBENCH_REGISTER_TODAY"):
        report_source("demo")


def test_the_charts_draw_the_figures_numbers(demo):
    figures = register.report(demo.register, demo.today)
    chart = outcomes_chart(figures["outcomes_by_quarter"])
    axes = chart.axes[0]
    first_quarter = figures["outcomes_by_quarter"].iloc[0]
    heights = [bar.get_height() for bar in axes.patches[:: len(figures["outcomes_by_quarter"])]]
    assert heights == first_quarter.tolist()
    assert [t.get_text() for t in axes.get_legend().get_texts()] == list(first_quarter.index)

    provisions = provisions_chart(figures["provisions_not_upheld"]).axes[0]
    widths = [
        bar.get_width() for bar in provisions.patches[: len(figures["provisions_not_upheld"])]
    ]
    assert widths == figures["provisions_not_upheld"]["Not upheld"].iloc[::-1].tolist()

    lines = timeliness_chart(figures["timeliness_by_quarter"]).axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["Responses on time", "Reviews on time"]
