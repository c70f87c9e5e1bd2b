// config.h
//
// Copyright (c) 2023-2024 Junpei Kawamoto
//
// This software is released under the MIT License.
//
// http://opensource.org/licenses/mit-license.php

#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <ctranslate2/logging.h>
#include <ctranslate2/random.h>
#include <ctranslate2/models/model.h>
#include <ctranslate2/replica_pool.h>

#include "rust/cxx.h"

using ctranslate2::BatchType;
using ctranslate2::ComputeType;
using ctranslate2::Device;
using ctranslate2::get_device_count;
using ctranslate2::get_log_level;
using ctranslate2::get_random_seed;
using ctranslate2::LogLevel;
using ctranslate2::ReplicaPoolConfig;
using ctranslate2::set_log_level;
using ctranslate2::set_random_seed;

inline std::unique_ptr<ReplicaPoolConfig> replica_pool_config(
    size_t num_threads_per_replica,
    int32_t max_queued_batches,
    int cpu_core_offset
) {
    return std::make_unique<ReplicaPoolConfig>(ReplicaPoolConfig {
        num_threads_per_replica,
        static_cast<long>(max_queued_batches),
        cpu_core_offset,
    });
}

struct Config {
    Device device;
    ComputeType compute_type;
    rust::Slice<const int> device_indices;
    bool tensor_parallel;
    std::unique_ptr<ReplicaPoolConfig> replica_pool_config;
};

inline std::unique_ptr<Config> config(
    Device device,
    ComputeType compute_type,
    rust::Slice<const int> device_indices,
    bool tensor_parallel,
    std::unique_ptr<ReplicaPoolConfig> replica_pool_config
) {
    return std::make_unique<Config>(Config {
        device,
        compute_type,
        device_indices,
        tensor_parallel,
        std::move(replica_pool_config),
    });
}

// mova patch (see MOVA-PATCH.md): a device index given more than once means
// replicas of one loaded model that share its weights, as CTranslate2's
// num_replicas_per_device (Python: inter_threads) does. Upstream hands the list to
// ModelLoader as is, which deep-copies every weight for each repeated index.
inline ctranslate2::models::ModelLoader model_loader(
    rust::Str model_path,
    const Config& config
) {
    ctranslate2::models::ModelLoader loader(static_cast<std::string>(model_path));
    loader.device = config.device;
    loader.compute_type = config.compute_type;
    loader.tensor_parallel = config.tensor_parallel;
    std::vector<int> all(config.device_indices.begin(), config.device_indices.end());
    std::vector<int> distinct;
    for (int index : all)
        if (std::find(distinct.begin(), distinct.end(), index) == distinct.end())
            distinct.push_back(index);
    const size_t per_device = distinct.empty() ? 0 : all.size() / distinct.size();
    const bool even = !distinct.empty() && std::all_of(distinct.begin(), distinct.end(), [&](int index) {
        return static_cast<size_t>(std::count(all.begin(), all.end(), index)) == per_device;
    });
    if (even) {
        loader.device_indices = distinct;
        loader.num_replicas_per_device = per_device;
    } else {
        loader.device_indices = all;
    }
    return loader;
}
