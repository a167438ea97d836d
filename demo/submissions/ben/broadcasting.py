# ben: submitted the release notebook unchanged (every solution cell is still the stub)
