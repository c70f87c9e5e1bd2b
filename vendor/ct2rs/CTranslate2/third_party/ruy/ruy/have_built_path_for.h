/* Copyright 2019 Google LLC. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
==============================================================================*/

#ifndef RUY_RUY_HAVE_BUILT_PATH_FOR_H_
#define RUY_RUY_HAVE_BUILT_PATH_FOR_H_

#include "ruy/platform.h"

namespace ruy {

#if RUY_PLATFORM_X86
bool HaveBuiltPathForAvx();
bool HaveBuiltPathForAvx2Fma();
bool HaveBuiltPathForAvx512();
#endif  // RUY_PLATFORM_X86

}  // namespace ruy

#endif  // RUY_RUY_HAVE_BUILT_PATH_FOR_H_
