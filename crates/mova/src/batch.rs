//! Batching: cut many sequences into padded batches under a token budget.
//!
//! In: the length (in tokens) of every sequence to translate. Out: batches of
//! sequence indices. Sequences are sorted by length so a batch holds sequences of
//! similar length (little padding), and a batch's padded size (count × longest)
//! stays within `max_tokens`. Every index appears in exactly one batch.

/// Groups sequence indices into batches of at most `max_tokens` padded tokens.
/// A sequence longer than the budget gets a batch of its own.
pub fn plan(lengths: &[usize], max_tokens: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    // Longest first: the biggest batches run while memory is fresh, and equal
    // lengths keep input order (stable sort) for reproducible batches.
    order.sort_by_key(|&i| std::cmp::Reverse(lengths.get(i).copied().unwrap_or(0)));
    let mut batches = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut longest = 0;
    for i in order {
        let len = lengths.get(i).copied().unwrap_or(0).max(1);
        let new_longest = longest.max(len);
        if !current.is_empty() && (current.len() + 1) * new_longest > max_tokens {
            batches.push(std::mem::take(&mut current));
            longest = len;
        } else {
            longest = new_longest;
        }
        current.push(i);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn respects_the_budget() {
        let b = plan(&[3, 10, 4, 10, 1], 20);
        assert_eq!(b, vec![vec![1, 3], vec![2, 0, 4]]);
        assert_eq!(plan(&[50, 2], 10), vec![vec![0], vec![1]]);
        assert!(plan(&[], 10).is_empty());
    }

    proptest! {
        #[test]
        fn every_index_once_and_within_budget(lengths in prop::collection::vec(0usize..200, 0..300), budget in 1usize..5000) {
            let batches = plan(&lengths, budget);
            let mut seen: Vec<usize> = batches.iter().flatten().copied().collect();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..lengths.len()).collect::<Vec<_>>());
            for b in &batches {
                let longest = b.iter().map(|&i| lengths[i].max(1)).max().unwrap();
                prop_assert!(b.len() == 1 || b.len() * longest <= budget);
            }
        }
    }
}
