//! The names `go tool pprof` shows. Its symbolizer takes a name that looks
//! like demangled C++ (square or angle brackets, or `::`) and, by default,
//! removes what is inside matching parentheses and then inside matching angle
//! brackets: Go's generic code, whose instantiations carry `[go.shape.…]`,
//! is caught by this too. Two forms are left alone: Java's `class.<init>` and
//! Go methods on generic types, `pkg.(*T[…]).Method`.

/// The name pprof shows for a function whose name in the profile is `name`.
pub fn simplified(name: &str) -> String {
    if !looks_like_demangled_cpp(name) {
        return name.to_owned();
    }
    remove_matching(&remove_matching(name, b'(', b')'), b'<', b'>')
}

fn looks_like_demangled_cpp(name: &str) -> bool {
    if name.contains(".<") || name.contains("]).") {
        return false;
    }
    name.contains(['<', '>', '[', ']']) || name.contains("::")
}

/// `name` without the (nested) spans from `start` to its matching `end`, as
/// pprof walks it: an `end` without its `start` stops the walk with what is
/// left so far, and an unclosed `start` stays with the rest of the name.
fn remove_matching(name: &str, start: u8, end: u8) -> String {
    let mut name = name.as_bytes().to_vec();
    let (mut nesting, mut first, mut current) = (0i32, 0usize, 0usize);
    while let Some(index) = name[current..].iter().position(|&b| b == start || b == end) {
        current += index;
        if name[current] == start {
            nesting += 1;
            if nesting == 1 {
                first = current;
            }
        } else {
            nesting -= 1;
            if nesting < 0 {
                break;
            }
            if nesting == 0 {
                name.drain(first..=current);
                current = first;
                continue;
            }
        }
        current += 1;
    }
    // Only ASCII bytes were removed, so the rest is still UTF-8.
    String::from_utf8(name).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::simplified;

    #[test]
    fn generic_functions_lose_their_shapes_parameter_lists() {
        assert_eq!(
            simplified(
                "encoding/json.typeEncoder.OnceValue[go.shape.func(*encoding/json.encodeState, reflect.Value, encoding/json.encOpts)].func3"
            ),
            "encoding/json.typeEncoder.OnceValue[go.shape.func].func3"
        );
        assert_eq!(
            simplified("reflect.TypeAssert[go.shape.interface { MarshalJSON() ([]uint8, error) }]"),
            "reflect.TypeAssert[go.shape.interface { MarshalJSON  }]"
        );
        assert_eq!(
            simplified("main.Map[go.shape.int,go.shape.string]"),
            "main.Map[go.shape.int,go.shape.string]"
        );
        assert_eq!(
            simplified("main.Sum[go.shape.int].func1"),
            "main.Sum[go.shape.int].func1"
        );
    }

    #[test]
    fn methods_of_generic_types_and_plain_go_names_stay() {
        for name in [
            "main.(*Cache[go.shape.string,go.shape.int64]).Get",
            "main.(Pair[go.shape.int]).Swap",
            "main.(*Index).Search.func1",
            "runtime.gopark",
            "java.lang.Object.<init>",
        ] {
            assert_eq!(simplified(name), name);
        }
        // A closure in a method of a generic type: the method's receiver
        // comes before `]).`, so it stays whole.
        assert_eq!(
            simplified("main.(*Cache[go.shape.string]).Get.func1"),
            "main.(*Cache[go.shape.string]).Get.func1"
        );
        // An interface type argument of a function (not a method) loses its
        // method list's parentheses.
        assert_eq!(
            simplified("main.Apply[go.shape.interface { String() string }]"),
            "main.Apply[go.shape.interface { String string }]"
        );
    }

    #[test]
    fn cpp_names_as_pprof_simplifies_them() {
        assert_eq!(
            simplified("std::vector<int>::push_back(int const&)"),
            "std::vector::push_back"
        );
        assert_eq!(simplified("a::b(c"), "a::b(c");
        assert_eq!(simplified("a::b)c"), "a::b)c");
    }
}
