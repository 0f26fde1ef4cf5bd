package com.deltaenergy.invoicing.api.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home page. */
@Controller
class DashboardController {

  @GetMapping("/")
  String dashboard(Model model) {
    model.addAttribute("section", "dashboard");
    return "console/dashboard";
  }
}
