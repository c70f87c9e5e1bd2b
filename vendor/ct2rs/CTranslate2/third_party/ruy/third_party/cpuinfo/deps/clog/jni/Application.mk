APP_PLATFORM := android-15
APP_PIE := true
APP_ABI := all
