"""The correctness policy (DESIGN.md section 3) as kitcheck applies it: each item passes and fails."""
import numpy as np
import pytest

from autograder import kitcheck
from autograder.kitcheck.calls import call
from autograder.kitcheck.compare import Tolerance, compare


def codes(problems):
    return [p.code for p in problems]


def test_values_within_tolerance_pass_and_beyond_fail_with_mismatch_count():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert compare(expected + 1e-9, expected) == []
    problems = compare(expected + np.array([[0, 0], [0, 0.5]]), expected)
    assert codes(problems) == ["VALUE"]
    assert "mismatched elements: 1 / 4 (25%)" in problems[0].message
    assert "at index (1, 1): expected 4, got 4.5" in problems[0].message


def test_rank1_result_where_column_is_due_is_rejected_with_reshape_hint():
    problems = compare(np.zeros(3), np.zeros((3, 1)))
    assert codes(problems) == ["RANK1"]
    assert "make it a column, .reshape(-1, 1)" in problems[0].message  # the general form, no typed-in size
    assert "make it a row, .reshape(1, -1)" in compare(np.zeros(3), np.zeros((1, 3)))[0].message


def test_transposed_shape_is_a_shape_problem_reported_before_values():
    problems = compare(np.zeros((4, 3)), np.ones((3, 4)))
    assert codes(problems) == ["SHAPE"]
    assert "expected shape (3, 4), got (4, 3)" in problems[0].message


@pytest.mark.parametrize("scalar", [0.25, np.float64(0.25), np.float32(0.25), np.array(0.25)])
def test_float_scalars_in_any_form_pass(scalar):
    assert compare(scalar, 0.25, Tolerance(1e-6, 1e-8)) == []


def test_int_where_float_is_due_is_a_dtype_problem_said_as_a_person_would():
    assert codes(compare(0, 0.0)) == ["DTYPE"]
    problems = compare(np.int64(32), 32.0)
    assert codes(problems) == ["DTYPE"]
    assert "expected a float, got the integer 32 (numpy int64)" in problems[0].message


def test_relative_difference_is_not_reported_against_an_expected_zero():
    problems = compare(np.array([0.0, 3.0]), np.array([0.0, 0.0]))
    assert "largest difference: 3" in problems[0].message and "relative" not in problems[0].message
    assert "(relative: 0.5)" in compare(np.array([3.0]), np.array([2.0]))[0].message


def test_one_by_one_array_where_scalar_is_due_is_a_shape_problem():
    problems = compare(np.array([[0.5]]), 0.5)
    assert codes(problems) == ["SHAPE"]
    assert "float(...)" in problems[0].message


@pytest.mark.parametrize("labels", [np.array([[1.0, 0.0, 1.0]]), np.array([[1, 0, 1]]), np.array([[True, False, True]])])
def test_labels_of_float_int_or_bool_dtype_pass(labels):
    assert compare(labels, np.array([[1.0, 0.0, 1.0]])) == []


def test_probabilities_where_labels_are_due_fail():
    assert codes(compare(np.array([[0.9, 0.2, 0.7]]), np.array([[1.0, 0.0, 1.0]]))) == ["VALUE"]


def test_nested_results_are_compared_by_key_and_position():
    expected = ({"dw": np.zeros((2, 1)), "db": 0.1}, 0.5)
    assert compare(({"dw": np.zeros((2, 1)), "db": 0.1}, 0.5), expected) == []
    problems = compare(({"dw": np.zeros(2), "db": np.array([[0.1]])}, 0.5), expected)
    assert codes(problems) == ["RANK1", "SHAPE"]
    assert "result[0]['dw']" in problems[0].message
    assert codes(compare(({"dw": np.zeros((2, 1))}, 0.5), expected)) == ["TYPE"]


def test_list_of_costs_must_have_the_right_length():
    assert codes(compare([0.5, 0.4], [0.5, 0.4, 0.3])) == ["SHAPE"]
    assert compare(np.array([0.5, 0.4]), [0.5, 0.4]) == []


def test_integer_truncation_is_pointed_out():
    problems = compare(np.array([[0, 1]]), np.array([[0.25, 1.0]]))
    assert "integer dtype" in problems[0].message


def test_modifying_an_input_in_place_is_reported_with_the_argument_name():
    def update(w, dw):
        w -= 0.1 * dw
        return w

    outcome = call(update, (np.ones((2, 1)), np.ones((2, 1))))
    assert codes(outcome.problems) == ["MUTATES_INPUT"]
    assert "modified its input `w` in place" in outcome.problems[0].message
    assert "`w = w - ...` rather than `w -= ...`" in outcome.problems[0].message


def test_a_copying_update_is_not_a_mutation():
    outcome = call(lambda w, dw: w - 0.1 * dw, (np.ones((2, 1)), np.ones((2, 1))))
    assert outcome.ok


def test_student_exception_is_shown_with_type_message_and_line():
    def sigmoid(x):
        s = 1 / (1 + np.exp(-z))  # noqa: F821 (the student's typo)
        return s

    outcome = call(sigmoid, (np.zeros(2),))
    message = outcome.problems[0].message
    assert codes(outcome.problems) == ["EXCEPTION"]
    assert "NameError: name 'z' is not defined" in message
    assert "(sigmoid, line 2: `s = 1 / (1 + np.exp(-z))" in message
    assert call(sigmoid, (np.zeros(2),)).location == "sigmoid, line 2"


def test_untouched_stub_is_not_implemented():
    def relu(v):
        raise NotImplementedError()

    assert codes(call(relu, (np.zeros(2),)).problems) == ["NOT_IMPLEMENTED"]


def test_numpy_warning_of_a_correct_answer_is_recorded_not_printed(capfd):
    outcome = call(lambda x: 1 / (1 + np.exp(-x)), (np.array([-1000.0, 0.0]),))
    assert outcome.ok
    assert any("overflow" in w for w in outcome.warnings)
    assert capfd.readouterr().err == ""


def test_expect_raises_with_function_case_and_code():
    with pytest.raises(kitcheck.CheckFailed) as failure:
        kitcheck.expect(lambda v: v.reshape(-1), np.zeros((3, 1)), expected=np.zeros((3, 1)), case="column")
    assert "case 'column'" in str(failure.value)
    assert [item.code for item in failure.value.items] == ["RANK1"]


def test_a_failing_check_shows_in_ipython_without_a_traceback_through_the_kit():
    with pytest.raises(kitcheck.CheckFailed) as failure:
        kitcheck.expect(lambda v: v.reshape(-1), np.zeros((3, 1)), expected=np.zeros((3, 1)), case="column")
    shown = "\n".join(failure.value._render_traceback_())
    assert "case 'column'" in shown and "kitcheck" not in shown and "Traceback" not in shown


def test_expect_raises_passes_on_the_exception_and_fails_on_a_value():
    def shape(a, b):
        if a != b:
            raise ValueError("no")
        return a

    kitcheck.expect_raises(shape, (3,), (4,), error=ValueError, case="mismatch")
    with pytest.raises(kitcheck.CheckFailed, match=r"\[VALUE\] shape returned \(3,\) where it must raise ValueError"):
        kitcheck.expect_raises(shape, (3,), (3,), error=ValueError, case="same")


def test_inside_the_kits_collector_every_case_runs_and_the_record_holds_them_all(capsys):
    with kitcheck.collecting() as collector:
        kitcheck.expect(np.abs, np.array([-1.0]), expected=np.array([-1.0]), case="first")
        kitcheck.expect(np.abs, np.array([2.0]), expected=np.array([2.0]), case="second")
        kitcheck.expect(np.abs, np.array([-3.0]), expected=np.array([-3.0]), case="third")
    record = collector.record("absolute")
    assert record.cases == (2, 3) and not record.passed
    assert [(item.code, item.case) for item in record.items] == [("VALUE", "first"), ("VALUE", "third")]
    assert record.text.startswith("absolute failed 2 public case(s) of 3.")


def test_expect_prints_one_line_per_passing_case(capsys):
    kitcheck.expect(np.maximum, 0, np.array([-1.0, 2.0]), expected=np.array([0.0, 2.0]), case="mixed signs")
    assert capsys.readouterr().out == "ok  maximum: mixed signs\n"


def test_choice_answers_must_be_one_of_the_letters():
    kitcheck.expect_choice("q_neuron", "b")
    with pytest.raises(kitcheck.CheckFailed, match=r"\[INVALID_CHOICE\]"):
        kitcheck.expect_choice("q_neuron", "e")
    with pytest.raises(kitcheck.CheckFailed, match=r"\[NOT_DEFINED\]"):
        kitcheck.expect_choice("q_neuron", None)


def test_a_shape_result_is_compared_as_a_whole():
    assert compare((3, 4), (3, 4)) == []
    assert codes(compare((3, 1), (3, 4))) == ["VALUE"]
    assert codes(compare([3, 4], (3, 4))) == ["TYPE"]


def test_a_vectorization_cell_names_its_assignment_and_kitcheck_knows_the_policies():
    from autograder.kitcheck.verdicts import stated_policies

    name, policies = stated_policies("kitcheck.vectorized('relu', 'vectorization')")
    assert name == "relu" and policies["relu"] == "forbidden" and policies["dot_loop"] == "allowed"
    # a notebook released before the policies shipped with kitcheck states them in the cell
    old = "kitcheck.vectorized('relu', loops='forbidden', others={'dot_loop': 'allowed'})"
    assert stated_policies(old) == ("relu", {"dot_loop": "allowed", "relu": "forbidden"})
